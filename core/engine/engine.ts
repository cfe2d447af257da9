import { type BudgetWatch, createBudgetWatch } from '../budget/budgetWatch';
import os from 'node:os';
import { v7 as uuidv7 } from 'uuid';
import type { EventName, EventPayload, Handlers, Profile } from '../../shared/contract';
import type { StoreStatus } from '../../shared/storeHealth';
import { VangnetError } from '../../shared/errors';
import { HybridLogicalClock } from '../../shared/hlc';
import { slaFeedOf } from '../../shared/schema/tables';
import { writeId } from '../../shared/mutations/define';
import type { MutationArgs, MutationName } from '../../shared/mutations/index';
import { getMeta, setMeta } from '../repos/meta';
import { upsertEngineer } from '../repos/sync';
import { type Db, openDatabase } from '../store/database';
import { storeFile } from '../store/paths';
import { isCorruptionError, markDamaged, readDamage } from '../store/storeDamage';
import { storeStatus } from '../store/storeStatus';
import { countIncidents, incidentIdsOfClient } from '../repos/lifecycle';
import { beginBulkLoad, endBulkLoad, isBulkLoadPending } from '../repos/bulkLoad';
import { loadReferenceCache } from '../sla/referenceCache';
import { createSlaScheduler } from '../sla/scheduler';
import { createSlaService } from '../sla/slaService';
import { createAuditHistory } from '../sync/auditHistory';
import { createClockSkew } from '../sync/clockSkew';
import { createSyncClient, type SyncClient } from '../sync/syncClient';
import { httpTransport, type SyncTransport } from '../sync/transport';
import { localActor } from './actor';
import { createHandlers } from './handlers';
import { type MutationOutcome, runMutation } from './mutator';
import { createStoreCare, type StoreCare } from './storeCare';
import { createTimerWatch, type TimerWatch } from '../time/timerWatch';
import { createIdleWatch, type IdleSource, type IdleWatch } from '../time/idleWatch';

/** How long after start the budget watch catches up on every prepaid client (core/budget/budgetWatch.ts). */
const BUDGET_CATCH_UP_DELAY_MS = 1_000;

export interface EngineOptions {
  dataDir: string;
  /** Injected clock and id source, so tests and replays are deterministic. */
  now?: () => number;
  newId?: () => string;
  version?: string;
  /** How to reach an office server (tests inject a faulty network). */
  transportFor?: (serverUrl: string, token: string | null) => SyncTransport;
  /** The shell's idle seconds (Electron's powerMonitor, the web host's test hook); none: no idle questions. */
  idle?: IdleSource;
}

type Listener = (name: EventName, payload: unknown) => void;

export interface Engine {
  readonly db: Db;
  readonly dataDir: string;
  readonly deviceId: string;
  /** The engine's clock (the machine's, or a test's): what "now" means for everything it writes. */
  readonly now: () => number;
  readonly handlers: Handlers;
  readonly sync: SyncClient;
  /** Starts the background work of a running app: the sync loop, the SLA scheduler and the store's care. */
  start(): void;
  /** The full check, audit-chain check and backup; started by `start()`, awaited by tests. */
  readonly care: StoreCare;
  /** The running timer's heartbeat and the stale-timer question (core/time/timerWatch.ts). */
  readonly timers: TimerWatch;
  /** Prepaid thresholds that notify once (core/budget/budgetWatch.ts); watching from `start()`. */
  readonly budgets: BudgetWatch;
  /** Idle detection while the timer runs, and the idle question (core/time/idleWatch.ts). */
  readonly idle: IdleWatch;
  storeStatus(): StoreStatus;
  /** A SQLITE_CORRUPT error in use: marks the store damaged and says so as `store_damaged`. */
  storeFailed(err: unknown): VangnetError;
  /** The machine woke or the network came back: sync now and catch up on SLA moments. */
  wake(): void;
  profile(): Profile | null;
  /** Creates the local profile if there is none yet (the CLI's first run). */
  ensureProfile(name: string): Profile;
  mutate<N extends MutationName>(name: N, args: MutationArgs<N>): MutationOutcome;
  subscribe(listener: Listener): () => void;
  close(): void;
}

export function openEngine(options: EngineOptions): Engine {
  const now = options.now ?? Date.now;
  const file = storeFile(options.dataDir);
  const db = openDatabase(file, { now });
  try {
    return startEngine(db, file, options);
  } catch (err) {
    db.close();
    // quick_check passed, yet a page the start reads is damaged: mark it, as the check would have.
    if (!isCorruptionError(err)) throw err;
    markDamaged(file, { at: new Date(now()).toISOString(), source: 'open', detail: (err as Error).message });
    throw new VangnetError('store_corrupt', 'store.cannotOpen', { file, detail: (err as Error).message });
  }
}

function startEngine(db: Db, file: string, options: EngineOptions): Engine {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => uuidv7());
  // A store marked damaged is open read-only: no startup upkeep, no sync (its outbox may be damaged too).
  const damagedAtOpen = readDamage(file) !== null;
  const deviceId = ensureMeta(db, 'device_id', newId);
  // Stamps run on corrected time once the server showed this laptop's clock to be far off.
  const skew = createClockSkew(db, now);
  const clock = new HybridLogicalClock(deviceId, skew.correctedNow, getMeta(db, 'hlc'));
  const listeners = new Set<Listener>();

  function emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of listeners) listener(name, payload);
  }

  function profile(): Profile | null {
    const raw = getMeta(db, 'profile');
    if (!raw) return null;
    const stored = JSON.parse(raw) as { engineerId: string; name: string };
    return { ...stored, deviceId };
  }

  function storeProfile(engineerId: string, name: string): Profile {
    setMeta(db, 'profile', JSON.stringify({ engineerId, name }));
    return { engineerId, name, deviceId };
  }

  function setProfileName(name: string): Profile {
    return storeProfile(profile()?.engineerId ?? newId(), name);
  }

  // Zone tables and holidays from an earlier run, kept again at close when this one added any.
  const referenceCache = loadReferenceCache(options.dataDir);
  const sla = createSlaService(db, now);
  if (!damagedAtOpen) {
    // A bulk pull that never finished (the app quit mid-bootstrap) left the SLA cache and indexes to settle.
    if (isBulkLoadPending(db)) finishBulkLoad();
    else sla.backfill();
    sla.upgradeCache();
  }
  let budgetCatchUp: ReturnType<typeof setTimeout> | undefined;
  const scheduler = createSlaScheduler({ db, now, emit: (alert) => emit('sla.alert', alert) });
  let bulkLoading = false;

  function finishBulkLoad(): void {
    sla.settleAfterBulk();
    endBulkLoad(db);
  }

  /** Keeps the SLA cache in step with rows written locally or pulled, in the same transaction. */
  /** The SLA cache follows the tables the registry says feed it (shared/schema/tables.ts, `sla`). */
  function refreshSlaFor(rows: readonly { table: string; row: Record<string, unknown> | null; id: string }[]): void {
    const ids = new Set<string>();
    for (const { table, row, id } of rows) {
      const feed = slaFeedOf(table);
      if (feed?.via === 'incident') {
        if (feed.field === 'id') ids.add(id);
        else if (row) ids.add(String(row[feed.field]));
      } else if (feed?.via === 'client') {
        sla.invalidate(row ? String(row[feed.field]) : undefined);
        if (row) for (const incidentId of incidentIdsOfClient(db, String(row[feed.field]))) ids.add(incidentId);
      }
    }
    if (ids.size > 0) {
      sla.refresh(ids);
      scheduler.reschedule();
    }
  }

  const transportFor = options.transportFor ?? ((url: string, token: string | null) => httpTransport(url, token));
  const sync = createSyncClient({
    db,
    deviceId,
    now,
    transportFor,
    onChanged: (tables) => {
      emit('data.changed', { tables });
      budgets.flush();
    },
    onStatus: (status) => emit('sync.status', status),
    adoptEngineer: (engineer) => {
      upsertEngineer(db, engineer);
      storeProfile(engineer.id, engineer.name);
    },
    afterApply: (rows) => {
      // A bulk load settles the cache once at its end; only parsed contracts must be forgotten now.
      if (bulkLoading) {
        for (const { table, row } of rows) {
          const feed = slaFeedOf(table);
          if (feed?.via === 'client') sla.invalidate(row ? String(row[feed.field]) : undefined);
        }
      } else refreshSlaFor(rows);
      budgets.touched(rows as readonly { table: string; row: Record<string, unknown> | null }[]);
      // Observed stamps are saved once per pulled page, not once per field.
      setMeta(db, 'hlc', clock.last());
    },
    observeHlc: (stamp) => clock.observe(stamp),
    clock: skew,
    rewindHlc: (floor) => {
      clock.rewind(floor);
      setMeta(db, 'hlc', clock.last());
    },
    bulkPull: {
      // Worth it when the pull brings more than the store holds (a bootstrap, not a week's catch-up):
      // rebuilding the list indexes costs in proportion to the whole store.
      begin: (remaining) => {
        if (remaining < countIncidents(db)) return false;
        beginBulkLoad(db);
        bulkLoading = true;
        return true;
      },
      end: () => {
        bulkLoading = false;
        finishBulkLoad();
        scheduler.reschedule();
      },
    },
  });

  const care = createStoreCare({
    db,
    storeFile: file,
    dataDir: options.dataDir,
    now,
    onChange: () => {
      // Push nothing more from a damaged store: its outbox may be part of the damage.
      if (care.damage()) sync.stop();
      emit('store.status', status());
    },
  });

  function status(): StoreStatus {
    return storeStatus(options.dataDir, { open: true, lastFullCheck: care.lastFullCheck() });
  }

  function storeFailed(err: unknown): VangnetError {
    care.markFound('use', (err as Error).message);
    const report = care.damage();
    return new VangnetError('store_damaged', 'store.damagedInUse', { detail: report?.detail ?? 'corrupt' });
  }

  const auditHistory = createAuditHistory({ db, transportFor, now, onChanged: (tables) => emit('data.changed', { tables }) });

  function mutate<N extends MutationName>(name: N, args: MutationArgs<N>): MutationOutcome {
    const p = profile();
    if (!p) throw new VangnetError('not_ready', 'profile.missing');
    const outcome = runMutation(
      {
        db,
        clock,
        deviceId,
        actor: localActor(db, p),
        afterWrites: (writes) =>
          // A deleted row still names what it fed (its incident, its client): those clocks move too.
          refreshSlaFor(
            writes.map((w) => ({ table: w.table, id: writeId(w), row: (w.op === 'delete' ? w.before : w.row) as Record<string, unknown> })),
          ),
      },
      name,
      args,
    );
    const tables = [...new Set(outcome.writes.map((w) => w.table))];
    if (tables.length > 0) emit('data.changed', { tables });
    // A threshold this commit reached is stored and announced after it (core/budget/budgetWatch.ts).
    budgets.touched(outcome.writes.map((w) => ({ table: w.table, row: (w.op === 'delete' ? w.before : w.row) as Record<string, unknown> })));
    budgets.flush();
    // The UI never waits for the network; the push happens in the background when paired.
    sync.kick();
    return outcome;
  }

  const budgets = createBudgetWatch({ db, now, mutate, emit: (alert) => emit('budget.alert', alert) });

  // At open: a timer running here whose heartbeat is old becomes a question (docs/time.md).
  const timers = createTimerWatch({ db, now, engineerId: () => profile()?.engineerId ?? null, mutate, newId });
  const idle = createIdleWatch({
    db,
    now,
    engineerId: () => profile()?.engineerId ?? null,
    mutate,
    newId,
    source: options.idle ?? null,
    staleQuestionStands: () => timers.question() !== null,
    asked: (question) => emit('time.idle', question),
    changed: () => timers.changed(),
  });

  const handlers = createHandlers({
    db,
    deviceId,
    version: options.version ?? '0.0.0',
    dataDir: options.dataDir,
    newId,
    mutate,
    profile,
    setProfileName,
    sync,
    auditHistory,
    sla,
    now,
    storeStatus: status,
    defaultDeviceName: os.hostname(),
    timers,
    idle,
  });

  return {
    db,
    dataDir: options.dataDir,
    deviceId,
    now,
    handlers,
    sync,
    care,
    timers,
    budgets,
    idle,
    storeStatus: status,
    storeFailed,
    profile,
    ensureProfile: (name) => profile() ?? setProfileName(name),
    start() {
      if (!damagedAtOpen) sync.start();
      scheduler.start();
      care.start();
      if (!damagedAtOpen) timers.start();
      // The budget catch-up reads every prepaid client's ledger and time: off the start-up path, so
      // the first rows are served first (time logged meanwhile is caught by the same catch-up).
      if (!damagedAtOpen) budgetCatchUp = setTimeout(() => budgets.start(), BUDGET_CATCH_UP_DELAY_MS);
      if (!damagedAtOpen) idle.start();
    },
    wake() {
      sync.kick();
      if (!damagedAtOpen) timers.changed();
      scheduler.check();
    },
    mutate,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      clearTimeout(budgetCatchUp);
      care.stop();
      timers.stop();
      budgets.stop();
      idle.stop();
      scheduler.stop();
      sync.stop();
      listeners.clear();
      db.close();
      referenceCache.save();
    },
  };
}

function ensureMeta(db: Db, key: string, make: () => string): string {
  const existing = getMeta(db, key);
  if (existing) return existing;
  const value = make();
  setMeta(db, key, value);
  return value;
}
