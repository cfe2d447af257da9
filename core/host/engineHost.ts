import { type EventName, type EventPayload, lookupCall } from '../../shared/contract';
import { type ErrorInfo, fail, ok, type Result, VangnetError } from '../../shared/errors';
import type { StoreStatus } from '../../shared/storeHealth';
import { parseOrThrow } from '../../shared/validation';
import { dispatch } from '../engine/dispatch';
import { type Engine, type EngineOptions, openEngine } from '../engine/engine';
import { publicError } from '../engine/publicError';
import { logger } from '../log';
import { restoreBackup } from '../store/backups';
import { storeFile } from '../store/paths';
import { storeStatus } from '../store/storeStatus';

const log = logger('engine-host');

type Listener = (name: EventName, payload: unknown) => void;

/** What an rpc endpoint serves: calls by name, and the events pushed to every connection. */
export interface RpcTarget {
  call(name: string, args: unknown): Promise<Result<unknown>>;
  subscribe(listener: Listener): () => void;
}

export interface EngineHost extends RpcTarget {
  /** The running engine, or null when the store could not be opened (see `openError`). */
  engine(): Engine | null;
  openError(): ErrorInfo | null;
  close(): void;
}

/** Serves one engine directly (tests, and hosts that never restore). */
export function engineTarget(engine: Engine): RpcTarget {
  return { call: (name, args) => dispatch(engine, name, args), subscribe: (listener) => engine.subscribe(listener) };
}

/**
 * Owns the engine's lifetime for the app's hosts (the Electron utility process, the web host), so
 * the store can be restored from a backup while the window stays up: when the store cannot be
 * opened, `store.status` and `store.restore` still work and every other call answers with the
 * reason; `store.restore` closes the engine, swaps the files and opens a new engine, and
 * connections keep their event subscriptions across the swap.
 */
export function createEngineHost(options: EngineOptions & { start?: boolean }): EngineHost {
  const now = options.now ?? Date.now;
  const listeners = new Set<Listener>();
  let engine: Engine | null = null;
  let error: ErrorInfo | null = null;
  let unsubscribe = (): void => undefined;
  let restoring = false;

  function emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of listeners) listener(name, payload);
  }

  function open(): void {
    try {
      const opened = openEngine(options);
      engine = opened;
      error = null;
      unsubscribe = opened.subscribe((name, payload) => {
        for (const listener of listeners) listener(name, payload);
      });
      if (options.start) opened.start();
      log.info({ dataDir: options.dataDir }, 'engine open');
    } catch (err) {
      engine = null;
      log.error({ err, dataDir: options.dataDir }, 'engine failed to open');
      error = publicError(err, log, { dataDir: options.dataDir });
    }
  }

  function status(): StoreStatus {
    return engine ? engine.storeStatus() : storeStatus(options.dataDir, { open: false, error });
  }

  async function restore(rawArgs: unknown): Promise<StoreStatus> {
    const { name } = parseOrThrow(lookupCall('store.restore')!.args, rawArgs ?? {}, 'arguments for store.restore') as { name: string };
    if (restoring) throw new VangnetError('conflict', 'store.restoreBusy');
    restoring = true;
    unsubscribe();
    engine?.close();
    engine = null;
    error = { code: 'unavailable', message: 'The store is being restored' };
    try {
      await restoreBackup(storeFile(options.dataDir), options.dataDir, name, now());
    } finally {
      // Reopens whatever is in place: the backup, or (when the restore failed) the store as it was.
      open();
      restoring = false;
    }
    const after = status();
    emit('store.status', after);
    return after;
  }

  open();
  return {
    async call(name, args) {
      if (name === 'store.restore') {
        try {
          return ok(await restore(args));
        } catch (err) {
          return { ok: false, error: publicError(err, log, { call: name }) };
        }
      }
      if (engine) return dispatch(engine, name, args);
      if (name === 'store.status') return ok(status());
      return { ok: false, error: error ?? fail('unavailable', 'call.notRunning').error };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    engine: () => engine,
    openError: () => error,
    close() {
      unsubscribe();
      listeners.clear();
      engine?.close();
      engine = null;
    },
  };
}
