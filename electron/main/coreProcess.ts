import { app, utilityProcess, type MessagePortMain, type UtilityProcess } from 'electron';
import type { FromCoreMessage, ToCoreMessage } from '../../core/host/utilityMain';
import { logger } from '../../core/log';
import type { ErrorInfo } from '../../shared/errors';
import type { Notifier } from '../../shared/shell/notifier';

const log = logger('core-process');

/** Shows up in `app.getAppMetrics()` and `child-process-gone`, so we can tell our child apart. */
export const CORE_SERVICE_NAME = 'Vangnet core';

/** Restart delays: quick first, so a one-off crash is barely noticed; capped so a crash loop idles. */
const BACKOFF_MS = [500, 1_000, 2_000, 5_000, 10_000, 30_000];
/** A run this long counts as healthy, and the backoff starts over. */
const HEALTHY_RUN_MS = 60_000;
/** How long a clean shutdown (WAL checkpoint) may take before the process is killed. */
const SHUTDOWN_GRACE_MS = 3_000;
/** Stderr kept to attach to a crash report: the last lines usually say why. */
const STDERR_TAIL_BYTES = 8_192;

export interface CoreProcessOptions {
  entry: string;
  dataDir: string;
  version: string;
  /** The process is up (first start or restart): connect the windows to it. */
  onStarted(): void;
  /** The process went away unexpectedly; a restart is scheduled. */
  onLost(): void;
  /** The engine cannot open its store; restarting will not help. */
  onFatal(error: ErrorInfo): void;
  /** Where the engine's SLA alerts and the worst open SLA state go (electron/main/notifier.ts). */
  notifier: Notifier;
}

export interface CoreProcess {
  /** Hands one end of a MessageChannel to the engine. False if it is not running right now. */
  connect(port: MessagePortMain): boolean;
  /** Asks the engine to close its store, then ends the process. */
  stop(): Promise<void>;
  /** Tells the engine the machine woke or the network came back, so it syncs at once. */
  wake(): void;
  /** The machine's idle seconds, for the engine's idle detection. */
  reportIdle(seconds: number): void;
}

/**
 * Runs the engine (core/host/utilityMain.ts) in an Electron utility process: Node with no window,
 * so SQLite work never blocks the UI or main's event loop, and a crash there leaves the window and
 * tray alive. It is restarted with a backoff if it exits while we did not ask it to.
 */
export function startCoreProcess(options: CoreProcessOptions): CoreProcess {
  let child: UtilityProcess | null = null;
  let running = false;
  let stopping = false;
  let attempt = 0;
  let startedAt = 0;
  let restartTimer: NodeJS.Timeout | null = null;
  let stderrTail = '';

  app.on('child-process-gone', (_event, details) => {
    // Carries the reason (crashed, oom, killed, ...), which the exit code alone does not.
    if (details.type === 'Utility' && details.serviceName === CORE_SERVICE_NAME && details.reason !== 'clean-exit') {
      log.error({ reason: details.reason, exitCode: details.exitCode }, 'core process gone');
    }
  });

  function spawn(): void {
    stderrTail = '';
    startedAt = Date.now();
    const proc = utilityProcess.fork(options.entry, [`--data-dir=${options.dataDir}`, `--app-version=${options.version}`], {
      serviceName: CORE_SERVICE_NAME,
      stdio: 'pipe',
    });
    child = proc;
    proc.stdout?.on('data', (chunk: Buffer) => process.stdout.write(chunk));
    proc.stderr?.on('data', (chunk: Buffer) => {
      // The engine logs JSON lines to stderr; pass them through and keep the tail for crashes.
      process.stderr.write(chunk);
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
    });
    proc.on('spawn', () => {
      running = true;
      log.info({ pid: proc.pid, attempt }, 'core process started');
      options.onStarted();
    });
    proc.on('message', (message: FromCoreMessage) => onMessage(message));
    proc.on('error', (type, location, report) => {
      log.error({ type, location, report: report.slice(0, STDERR_TAIL_BYTES) }, 'core process fatal error');
    });
    proc.on('exit', (code) => onExit(proc, code));
  }

  function onMessage(message: FromCoreMessage): void {
    switch (message.kind) {
      case 'ready':
        log.info({ dataDir: message.dataDir }, 'engine ready');
        break;
      case 'fatal':
        log.error({ error: message.error }, 'engine cannot open its store');
        options.onFatal(message.error);
        break;
      case 'sla.alert':
        options.notifier.notify(message.alert);
        break;
      case 'sla.level':
        options.notifier.setLevel(message.level);
        break;
      case 'budget.alert':
        options.notifier.notifyBudget(message.alert);
        break;
      default:
        log.warn({ message: message satisfies never }, 'unknown message from core');
    }
  }

  function onExit(proc: UtilityProcess, code: number): void {
    if (child !== proc) return;
    child = null;
    running = false;
    if (stopping) return;
    const ranFor = Date.now() - startedAt;
    if (ranFor > HEALTHY_RUN_MS) attempt = 0;
    const delay = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)] ?? 30_000;
    attempt += 1;
    log.error({ code, ranForMs: ranFor, restartInMs: delay, attempt, stderrTail }, 'core process exited unexpectedly');
    options.onLost();
    restartTimer = setTimeout(() => {
      restartTimer = null;
      if (!stopping) spawn();
    }, delay);
  }

  spawn();

  return {
    connect(port) {
      if (!child || !running) return false;
      child.postMessage({ kind: 'connect' } satisfies ToCoreMessage, [port]);
      return true;
    },
    wake() {
      child?.postMessage({ kind: 'wake' } satisfies ToCoreMessage);
    },
    reportIdle(seconds) {
      if (running) child?.postMessage({ kind: 'idle', seconds } satisfies ToCoreMessage);
    },
    stop() {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const proc = child;
      if (!proc) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          log.warn('core did not shut down in time; killing it');
          proc.kill();
          resolve();
        }, SHUTDOWN_GRACE_MS);
        proc.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        proc.postMessage({ kind: 'shutdown' } satisfies ToCoreMessage);
      });
    },
  };
}
