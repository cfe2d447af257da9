import { contextBridge, ipcRenderer } from 'electron';
import type { VangnetApi } from '../../shared/contract';
import type { RpcServerMessage } from '../../shared/rpc';
import { createRpcClient } from '../../shared/rpcClient';

/**
 * The preload: builds `window.vangnet` and carries its calls to the engine over the MessagePort
 * main hands us. One of the two files that touch Electron IPC (see electron/main/ipc.ts).
 *
 * It runs sandboxed, so it is bundled to one CommonJS file (dist/electron/preload.cjs) that
 * requires nothing but 'electron'. It imports call and event names only, never the contract's
 * schemas, so it stays a few kB (test/integration/preloadSize.test.ts). The page gets named methods
 * only, never a way to send an arbitrary message: a compromised page can make the calls the UI
 * can make, nothing more. Calls, events and the link's story are shared/rpcClient.ts's, the same
 * code the web host's renderer client runs.
 */

/** Must match PORT_CHANNEL in electron/main/ipc.ts (the preload cannot import main's code). */
const PORT_CHANNEL = 'vangnet:port';
/** Must match OPEN_INCIDENT_CHANNEL in electron/main/ipc.ts. */
const OPEN_INCIDENT_CHANNEL = 'vangnet:open-incident';

const client = createRpcClient({
  // The engine can restart with a backoff of up to 30 s (electron/main/coreProcess.ts).
  queueTimeoutMs: 30_000,
  onListenerError(name, err) {
    // The preload has no logger of its own: its console is the window's devtools console.
    // eslint-disable-next-line no-console
    console.error(`vangnet: listener for ${name} threw`, err);
  },
});

let port: MessagePort | null = null;

/** A port: talk to the engine on it. None: the engine is gone; calls wait for the next port. */
function usePort(next: MessagePort | null): void {
  port?.close();
  port = next;
  if (!next) return client.detach();
  next.onmessage = (event: MessageEvent<RpcServerMessage>) => client.receive(event.data);
  client.attach({ send: (request) => next.postMessage(request) });
}

ipcRenderer.on(PORT_CHANNEL, (event) => usePort(event.ports[0] ?? null));
ipcRenderer.on(OPEN_INCIDENT_CHANNEL, (_event, incidentId: unknown) => {
  if (typeof incidentId === 'string') client.emit('shell.openIncident', { incidentId });
});

contextBridge.exposeInMainWorld('vangnet', client.api satisfies VangnetApi);
