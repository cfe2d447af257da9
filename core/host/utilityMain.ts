import type { ErrorInfo } from '../../shared/errors';
import type { RpcServerMessage } from '../../shared/rpc';
import type { AlertLevel, BudgetAlert, Notifier, SlaAlert } from '../../shared/shell/notifier';
import { logger } from '../log';
import { defaultDataDir } from '../store/paths';
import { createEngineHost, type EngineHost } from './engineHost';
import { attachRpcEndpoint } from './rpcEndpoint';
import { followSlaAlerts } from './slaAlerts';

/**
 * Entry of the engine inside Electron's utility process (bundled to dist/electron/core.cjs).
 * Electron's main process forks it and hands it one MessagePort per renderer connection; every
 * port gets its own rpc endpoint, exactly like one WebSocket does in the web host.
 *
 * core/ must not depend on Electron's types, so the few parts of `process.parentPort` and
 * `MessagePortMain` used here are typed locally.
 */

interface PortMessage {
  data: unknown;
}

/** The subset of Electron's MessagePortMain this file uses. */
export interface CorePort {
  on(event: 'message', listener: (message: PortMessage) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}

/** The subset of Electron's `process.parentPort` this file uses. */
export interface ParentPort {
  on(event: 'message', listener: (message: { data: unknown; ports: CorePort[] }) => void): unknown;
  postMessage(message: unknown): void;
}

/** Main -> utility: `connect` carries one port in `ports`; `shutdown` asks for a clean close. */
export type ToCoreMessage = { kind: 'connect' } | { kind: 'shutdown' } | { kind: 'wake' } | { kind: 'idle'; seconds: number };
/**
 * Utility -> main. `fatal` means the store cannot be opened (too new, corrupt); restarting will not
 * help, so main tells the user instead of restarting. The process stays up and answers every call
 * with that error, so the window shows it too. `sla.alert` and `sla.level` are the engine's events
 * main itself acts on (a native notification, the tray), whether or not a window is connected:
 * the Notifier seam (shared/shell/notifier.ts) carried over the parent port.
 */
export type FromCoreMessage =
  | { kind: 'ready'; dataDir: string }
  | { kind: 'fatal'; error: ErrorInfo }
  | { kind: 'sla.alert'; alert: SlaAlert }
  | { kind: 'sla.level'; level: AlertLevel }
  | { kind: 'budget.alert'; alert: BudgetAlert };

/** The Notifier whose other end is Electron main (electron/main/coreProcess.ts passes it on). */
export function parentPortNotifier(parentPort: Pick<ParentPort, 'postMessage'>): Notifier {
  return {
    notify: (alert) => parentPort.postMessage({ kind: 'sla.alert', alert } satisfies FromCoreMessage),
    setLevel: (level) => parentPort.postMessage({ kind: 'sla.level', level } satisfies FromCoreMessage),
    notifyBudget: (alert) => parentPort.postMessage({ kind: 'budget.alert', alert } satisfies FromCoreMessage),
  };
}

/** `--data-dir=<path>` and `--app-version=<v>` are passed by main as single tokens. */
export function readFlag(argv: readonly string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  const token = argv.find((arg) => arg.startsWith(prefix));
  return token ? token.slice(prefix.length) : undefined;
}

const log = logger('utility-main');

function parentPortOf(proc: NodeJS.Process): ParentPort | undefined {
  return (proc as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
}

/**
 * Serves a port through the engine host: with a working engine every call, without one the store's
 * status and restore (the window offers the backups) and the reason for everything else.
 */
function servePort(port: CorePort, engines: EngineHost): void {
  const send = (message: RpcServerMessage) => port.postMessage(message);
  const endpoint = attachRpcEndpoint(engines, send);
  port.on('message', (message) => {
    endpoint.receive(message.data).catch((err: unknown) => log.error({ err }, 'rpc endpoint failed'));
  });
  // Fires when the renderer reloads or its window goes away; drop its event subscription.
  port.on('close', () => endpoint.detach());
  port.start();
}

export function runUtility(proc: NodeJS.Process = process): void {
  const parentPort = parentPortOf(proc);
  if (!parentPort) {
    // Started with plain node: there is no Electron main process to talk to.
    log.error('no process.parentPort: this entry only runs inside an Electron utility process');
    proc.exitCode = 2;
    return;
  }
  proc.on('uncaughtException', (err) => {
    // Log it structured, then die: main restarts us with a backoff and logs the exit.
    log.fatal({ err }, 'uncaught exception in core');
    proc.exit(1);
  });

  const dataDir = readFlag(proc.argv, 'data-dir') ?? defaultDataDir(proc.env);
  const version = readFlag(proc.argv, 'app-version') ?? '0.0.0';

  // Main reads powerMonitor's idle seconds and sends them; the engine polls the last one (and at once on arrival).
  let idleSeconds: number | null = null;
  let engines: EngineHost | null = createEngineHost({ dataDir, version, start: true, idle: { seconds: () => idleSeconds } });
  const openError = engines.openError();
  if (openError) parentPort.postMessage({ kind: 'fatal', error: openError } satisfies FromCoreMessage);
  else parentPort.postMessage({ kind: 'ready', dataDir } satisfies FromCoreMessage);
  // Follows the host, not one engine: it keeps working across a restore from backup.
  followSlaAlerts(engines, parentPortNotifier(parentPort));

  parentPort.on('message', (message) => {
    const data = message.data as ToCoreMessage | null;
    switch (data?.kind) {
      case 'connect': {
        const [port] = message.ports;
        if (port && engines) servePort(port, engines);
        else log.warn('connect message without a port');
        break;
      }
      case 'wake':
        // The machine resumed or the network came back: sync now rather than at the next retry.
        engines?.engine()?.wake();
        break;
      case 'idle':
        idleSeconds = Number.isFinite(data.seconds) ? data.seconds : null;
        engines?.engine()?.idle.check();
        break;
      case 'shutdown':
        // Closing checkpoints the WAL, so the CLI and backups see a tidy single file.
        engines?.close();
        engines = null;
        proc.exit(0);
        break;
      default:
        log.warn({ kind: (data as { kind?: unknown } | null)?.kind }, 'unknown message from main');
    }
  });
}

runUtility();
