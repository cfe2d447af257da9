import { contextBridge, ipcRenderer } from 'electron';
import { CALL_NAMES, events, type CallName, type EventName, type EventPayload, type VangnetApi } from '../../shared/contract';
import { fail, type Result } from '../../shared/errors';
import type { RpcRequest, RpcServerMessage } from '../../shared/rpc';

/**
 * The preload: builds `window.vangnet` and carries its calls to the engine over the MessagePort
 * main hands us. One of the two files that touch Electron IPC (see electron/main/ipc.ts).
 *
 * It runs sandboxed, so it is bundled to one CommonJS file (dist/electron/preload.cjs) that
 * requires nothing but 'electron'. The page gets named methods only, never a way to send an
 * arbitrary message: a compromised page can make the calls the UI can make, nothing more.
 */

/** Must match PORT_CHANNEL in electron/main/ipc.ts (the preload cannot import main's code). */
const PORT_CHANNEL = 'vangnet:port';

type Reply = (result: Result<unknown>) => void;

interface Pending {
  reply: Reply;
  /** The port the request went out on; null while it waits in the queue. */
  sentOn: MessagePort | null;
  request: RpcRequest;
}

let port: MessagePort | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

function send(entry: Pending, target: MessagePort): void {
  try {
    target.postMessage(entry.request);
    entry.sentOn = target;
  } catch (err) {
    // Arguments that cannot be structured-cloned (functions, DOM nodes) fail here, not in core.
    pending.delete(entry.request.id);
    entry.reply(fail('invalid_args', 'call.cannotSend', { detail: err instanceof Error ? err.message : String(err) }));
  }
}

function call(name: CallName, args: unknown): Promise<Result<unknown>> {
  return new Promise((resolve) => {
    const id = nextId;
    nextId += 1;
    const entry: Pending = { reply: resolve, sentOn: null, request: { kind: 'call', id, name, args } };
    pending.set(id, entry);
    // Before the first port arrives (or while the engine restarts) calls wait in order.
    if (port) send(entry, port);
  });
}

/** Calls already sent on a port that is gone will never be answered: tell their callers now. */
function failInFlight(except: MessagePort | null): void {
  for (const [id, entry] of pending) {
    if (entry.sentOn !== null && entry.sentOn !== except) {
      pending.delete(id);
      entry.reply(fail('internal', 'call.restarted'));
    }
  }
}

function onServerMessage(message: RpcServerMessage): void {
  if (message.kind === 'result') {
    const entry = pending.get(message.id);
    if (!entry) return;
    pending.delete(message.id);
    entry.reply(message.result);
  } else if (message.kind === 'event') {
    for (const listener of listeners.get(message.name as EventName) ?? []) {
      try {
        listener(message.payload);
      } catch (err) {
        // One broken listener must not stop the others from hearing about the change. The preload
        // has no logger of its own: its console is the window's devtools console.
        // eslint-disable-next-line no-console
        console.error(`vangnet: listener for ${message.name} threw`, err);
      }
    }
  }
}

function usePort(next: MessagePort | null): void {
  if (port) port.close();
  port = next;
  failInFlight(next);
  if (!next) return;
  next.onmessage = (event: MessageEvent<RpcServerMessage>) => onServerMessage(event.data);
  // Queued calls go out in the order they were made (Map keeps insertion order).
  for (const entry of pending.values()) if (entry.sentOn === null) send(entry, next);
}

ipcRenderer.on(PORT_CHANNEL, (event) => usePort(event.ports[0] ?? null));

function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
function on(event: EventName, listener: (payload: unknown) => void): () => void {
  if (!Object.hasOwn(events, event)) throw new Error(`Unknown event: ${String(event)}`);
  let set = listeners.get(event);
  if (!set) {
    set = new Set();
    listeners.set(event, set);
  }
  set.add(listener);
  return () => {
    listeners.get(event)?.delete(listener);
  };
}

type CallGroups = Omit<VangnetApi, 'on'>;

/**
 * One named method per contract call, generated from CALL_NAMES so a new call appears here with
 * no edit. The loop cannot carry per-method types, hence the one cast; the `satisfies` below still
 * checks the whole object (groups plus `on`) against VangnetApi.
 */
function buildCallGroups(): CallGroups {
  const groups: Record<string, Record<string, (args: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of CALL_NAMES) {
    const [group, method] = name.split('.') as [string, string];
    (groups[group] ??= {})[method] = (args: unknown) => call(name, args);
  }
  return groups as unknown as CallGroups;
}

const api = { ...buildCallGroups(), on } satisfies VangnetApi;

contextBridge.exposeInMainWorld('vangnet', api);
