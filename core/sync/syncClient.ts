import os from 'node:os';
import type { SyncRound, SyncStatus } from '../../shared/contract';
import { type ErrorInfo, toErrorInfo, VangnetError } from '../../shared/errors';
import { SYNC_PULL_DEFAULT_LIMIT, SYNC_PULL_MAX_LIMIT, SYNC_PUSH_MAX_MUTATIONS } from '../../shared/sync/protocol';
import { logger } from '../log';
import { getMeta, setMeta } from '../repos/meta';
import { countPending } from '../repos/outbox';
import { listRejected, pendingOutbox } from '../repos/sync';
import { RolledBackError } from '../../shared/sync/rollback';
import type { Db } from '../store/database';
import type { ChecksumTable } from '../../shared/sync/checksum';
import { applyChanges, undoRejected } from './applyPull';
import { noteUnconfirmed, settleUnconfirmed } from './timelineConfirm';
import { applyRestamps, type ClockSkew, clockStatus, restampFloor } from './clockSkew';
import { OfflineError, type SyncTransport, type Timed } from './transport';
import type { Engineer, PullResponse } from '../../shared/sync/protocol';
import { acknowledgePulled, acknowledgePushed, carryOver } from './rollback';
import { createVerifier } from './verify';
import { writeTransaction } from '../store/transaction';

const log = logger('sync');

export interface SyncDeps {
  db: Db;
  deviceId: string;
  transportFor(serverUrl: string, token: string | null): SyncTransport;
  /** Called with the tables a round changed, and whenever the status changes. */
  onChanged(tables: string[]): void;
  onStatus(status: SyncStatus): void;
  /** Runs inside the transaction that applied pulled rows (or undid rejections): derived caches. */
  afterApply(rows: readonly { table: string; row: Record<string, unknown> | null; id: string }[]): void;
  /**
   * A pull far behind (a bootstrap, a long holiday) starts and ends: derived indexes that are
   * cheaper to rebuild once than to keep row by row may pause in between. `end` runs even when
   * the pull fails half-way.
   */
  bulkPull?: {
    /** `remaining`: changes still to pull. Answers whether a bulk load began (then `end` follows). */
    begin(remaining: number): boolean;
    end(): void;
  };
  /** Moves the local HLC past a stamp pulled from the server. */
  observeHlc(stamp: string): void;
  /** This laptop's clock against the server's; the HLC runs on its corrected time. */
  clock: ClockSkew;
  /** The server restamped pushed mutations: the HLC may move back to `floor` (shared/hlc.ts, `rewind`). */
  rewindHlc(floor: string | null): void;
  /** Pairing makes the local profile that engineer (and stores their row: the role counts from the first change). */
  adoptEngineer(engineer: Engineer): void;
  now?: () => number;
}

const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 60_000;
const PERIODIC_MS = 5 * 60_000;

/**
 * The laptop's side of sync: push the outbox in order, pull pages after the stored cursor (each
 * page applied together with its cursor, so an interrupted pull resumes), listen for pokes, and
 * back off while the server is unreachable.
 */
export function createSyncClient(deps: SyncDeps) {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  let state: SyncStatus['state'] = getMeta(db, 'sync.token') ? 'idle' : 'unpaired';
  let lastError: string | null = null;
  let lastErrorCode: SyncStatus['lastErrorCode'] = null;
  let lastErrorKey: string | null = null;
  let lastErrorParams: SyncStatus['lastErrorParams'] = null;
  let connected = false;
  let running: Promise<SyncRound> | null = null;
  /** A repair in progress: rounds wait for it, so nothing is pulled between its fetch and its removals. */
  let repairing: Promise<unknown> | null = null;
  let again = false;
  let retryMs = RETRY_MIN_MS;
  let retryTimer: NodeJS.Timeout | undefined;
  let periodicTimer: NodeJS.Timeout | undefined;
  let liveChannel: { close(): void } | null = null;
  let started = false;
  let closed = false;

  const server = () => getMeta(db, 'sync.server') ?? null;
  const token = () => getMeta(db, 'sync.token') ?? null;

  function status(): SyncStatus {
    return {
      state,
      serverUrl: server(),
      connected,
      lastSyncAt: getMeta(db, 'sync.lastSyncAt') ?? null,
      lastErrorCode,
      lastErrorKey,
      lastErrorParams,
      pending: countPending(db),
      rejected: listRejected(db),
      lastError,
      clock: clockStatus(deps.clock.offset()),
    };
  }

  function setState(
    next: SyncStatus['state'],
    error: ErrorInfo | null = null,
  ): void {
    state = next;
    lastError = error?.message ?? null;
    lastErrorCode = error?.code ?? null;
    lastErrorKey = error?.key ?? null;
    lastErrorParams = error?.params ?? null;
    deps.onStatus(status());
  }

  function transport(): SyncTransport {
    const url = server();
    if (!url) throw new VangnetError('not_ready', 'sync.notPaired');
    return deps.transportFor(url, token());
  }

  async function push(t: SyncTransport, touched: Set<string>): Promise<{ pushed: number; rejected: number }> {
    let pushed = 0;
    let rejected = 0;
    let carried = false;
    for (;;) {
      const batch = pendingOutbox(db, SYNC_PUSH_MAX_MUTATIONS);
      if (batch.length === 0) return { pushed, rejected };
      const batchLast = batch[batch.length - 1]!.mutationId;
      const sentAt = now();
      let response;
      try {
        // The reading of the clock that stamped the batch: the server corrects stamps by its error.
        response = await t.push({ clientId: deps.deviceId, mutations: batch, clientTime: Math.round(deps.clock.correctedNow()) });
      } catch (err) {
        // Set back in time: new work reused ids the server had used. Once renumbered, push again.
        if (!(err instanceof RolledBackError) || carried) throw err;
        carryOver(db, err.details);
        carried = true;
        continue;
      }
      noteServerTime(sentAt, response.serverTime);
      const hlcs = new Map(batch.map((m) => [m.mutationId, m.hlc]));
      const restamped = response.restamped ?? [];
      writeTransaction(db, () => {
        for (const table of undoRejected(db, response.rejected, (id) => hlcs.get(id))) touched.add(table);
        for (const table of applyRestamps(db, restamped, (id) => hlcs.get(id))) touched.add(table);
        deps.afterApply([...response.rejected, ...restamped].flatMap((r) => r.rows));
        const settled = new Set([...response.rejected, ...restamped].map((r) => r.mutationId));
        const appliedNow = batch
          .slice(response.skipped)
          .filter((m) => m.mutationId <= response.lastMutationId && !settled.has(m.mutationId));
        noteUnconfirmed(db, appliedNow, response.headSeq);
        acknowledgePushed(db, response.lastMutationId, batchLast);
        if (restamped.length > 0) deps.rewindHlc(restampFloor(db, restamped));
      });
      pushed += response.applied + response.skipped;
      rejected += response.rejected.length;
      if (response.lastMutationId < batchLast) {
        throw new VangnetError('gap', 'sync.gap', { id: response.lastMutationId });
      }
    }
  }

  /** A reply carried the server's clock: a new estimate of this laptop's offset (before its rows are applied). */
  function noteServerTime(sentAt: number, serverTime: number | undefined): void {
    if (serverTime !== undefined) deps.clock.record({ sentAt, receivedAt: now(), serverTime });
  }

  async function pull(t: SyncTransport, touched: Set<string>): Promise<number> {
    let pulled = 0;
    let limit = SYNC_PULL_DEFAULT_LIMIT;
    let bulk = false;
    let bulkLoad = false;
    let next: Promise<Timed<PullResponse>> | null = null;
    try {
      for (;;) {
        const after = Number(getMeta(db, 'sync.cursor') ?? 0);
        // A first pull is a bootstrap (current state, no audit history) until it has caught up.
        const bootstrap = after === 0 || getMeta(db, 'sync.bootstrapping') === '1';
        const sentAt = now();
        const page = await (next ?? t.pull(deps.deviceId, after, limit, bootstrap));
        // A page asked for ahead of time has no send time worth measuring from.
        if (!next) noteServerTime(sentAt, page.serverTime);
        next = null;
        if (page.hasMore) {
          if (!bulk) {
            // Far behind (a new laptop, a long holiday): bigger pages, one WAL checkpoint at the end
            // instead of one after nearly every page, and derived indexes built once at the end.
            bulk = true;
            limit = SYNC_PULL_MAX_LIMIT;
            db.pragma('wal_autocheckpoint = 0');
            bulkLoad = deps.bulkPull?.begin(page.headSeq - page.cursor) ?? false;
          }
          // Ask for the next page now: the network and the server work while this one is applied.
          next = t.pull(deps.deviceId, page.cursor, limit, bootstrap);
          next.catch(() => undefined); // awaited (and its failure reported) on the next turn
        }
        writeTransaction(db, () => {
          const applied = applyChanges(db, page.changes, deps.observeHlc);
          for (const table of applied.touched) touched.add(table);
          const pruned = settleUnconfirmed(db, page.changes, page.cursor).map((id) => ({ table: 'incidents', id, row: null }));
          if (pruned.length > 0) touched.add('incidentEvents');
          // Rows a tombstone removed are passed as they were, so the clocks they fed (a contract's client) move.
          const extra = [...applied.unparked, ...applied.removed, ...pruned];
          deps.afterApply(extra.length > 0 ? [...page.changes, ...extra] : page.changes);
          setMeta(db, 'sync.cursor', String(page.cursor));
          setMeta(db, 'sync.bootstrapping', bootstrap && page.hasMore ? '1' : '0');
          acknowledgePulled(db, page.lastMutationId, page.lastDigest);
        });
        pulled += page.changes.length;
        if (!page.hasMore) return pulled;
      }
    } finally {
      if (bulkLoad) deps.bulkPull?.end();
      if (bulk) {
        db.pragma('wal_autocheckpoint = 1000');
        db.pragma('wal_checkpoint(PASSIVE)');
      }
    }
  }

  async function round(): Promise<SyncRound> {
    const t = transport();
    setState('syncing');
    const touched = new Set<string>();
    try {
      const { pushed, rejected } = await push(t, touched);
      const pulled = await pull(t, touched);
      setMeta(db, 'sync.lastSyncAt', new Date(now()).toISOString());
      retryMs = RETRY_MIN_MS;
      setState('idle');
      return { pushed, pulled, rejected };
    } finally {
      if (touched.size > 0) deps.onChanged([...touched]);
    }
  }

  /** One full round (push, then pull to the head); concurrent callers share it. */
  async function syncNow(): Promise<SyncRound> {
    while (repairing) await repairing.catch(() => undefined);
    if (running) {
      again = true;
      return running;
    }
    running = round();
    try {
      return await running;
    } catch (err) {
      if (closed) throw err;
      const info = toErrorInfo(err);
      setState(err instanceof OfflineError ? 'offline' : 'error', info);
      throw err;
    } finally {
      running = null;
    }
  }

  /** After a failure: back off, and never sooner than the server's Retry-After (a busy server sheds load). */
  function scheduleRetry(err?: unknown): void {
    clearTimeout(retryTimer);
    if (!started) return;
    const serverAsked = err instanceof OfflineError ? (err.retryAfterMs ?? 0) : 0;
    // Jitter on top of Retry-After too, so shed laptops do not all come back in the same second.
    const delay = Math.max(Math.min(retryMs, RETRY_MAX_MS), serverAsked) * (0.75 + Math.random() * 0.5) + serverAsked * 0.25;
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    retryTimer = setTimeout(kick, delay);
  }

  /**
   * Sync soon: after a local change, a poke, the network coming back, or the machine waking. Only
   * while the loop runs (the app and the web host start it; the CLI and tests sync explicitly).
   */
  function kick(): void {
    if (!started || closed || !token()) return;
    void syncNow()
      .then(() => {
        // The realtime channel opens only after a round succeeded: a revoked laptop must not
        // keep knocking on the server (each refused knock counts against its address).
        if (started && !liveChannel) openLive();
        if (again) {
          again = false;
          kick();
        }
      })
      .catch((err: unknown) => {
        if (closed) return;
        log.info({ err: toErrorInfo(err) }, 'sync round failed');
        // A revoked token needs a person; anything else is worth another try later.
        if (!(err instanceof VangnetError && err.code === 'unauthorized')) scheduleRetry(err);
      });
  }

  function openLive(): void {
    const url = server();
    if (!url || !token()) return;
    liveChannel = deps.transportFor(url, token()).live({
      onOpen: () => {
        if (closed) return;
        connected = true;
        deps.onStatus(status());
        kick(); // catch up on whatever happened while the channel was down
      },
      onPoke: () => kick(),
      onClose: () => {
        if (closed) return;
        liveChannel = null;
        if (connected) {
          connected = false;
          deps.onStatus(status());
        }
        scheduleRetry();
      },
    });
  }

  const verifier = createVerifier({ ...deps, transport, syncNow, now });

  return {
    status,
    syncNow,
    kick,
    /** Compares per-table checksums with the server's (docs/sync-protocol.md, "Checksums"). */
    verify: verifier.verify,
    /** Sets the named tables back to the server's copy, keeping pending local changes; no round runs meanwhile. */
    async repair(tables: readonly ChecksumTable[]) {
      while (running || repairing) await (running ?? repairing)!.catch(() => undefined);
      const job = verifier.repair(tables);
      repairing = job;
      try {
        return await job;
      } finally {
        repairing = null;
      }
    },
    /** Tells listeners the status changed for a reason outside a round (e.g. a dismissal). */
    announce(): void {
      deps.onStatus(status());
    },
    async login(serverUrl: string, code: string, deviceName = os.hostname()): Promise<SyncStatus> {
      const url = new URL(serverUrl).toString().replace(/\/+$/, '');
      const paired = await deps.transportFor(url, null).pair({ code, clientId: deps.deviceId, deviceName });
      writeTransaction(db, () => {
        setMeta(db, 'sync.server', url);
        setMeta(db, 'sync.token', paired.token);
        setMeta(db, 'sync.remoteDeviceId', paired.deviceId);
        deps.adoptEngineer(paired.engineer);
      });
      setState('idle');
      kick();
      return status();
    },
    /** Runs the loop: periodic rounds, the realtime channel, retries with backoff. */
    start(): void {
      if (started || closed) return;
      started = true;
      periodicTimer = setInterval(kick, PERIODIC_MS);
      kick();
    },
    stop(): void {
      started = false;
      closed = true;
      clearTimeout(retryTimer);
      clearInterval(periodicTimer);
      liveChannel?.close();
      liveChannel = null;
    },
  };
}
export type SyncClient = ReturnType<typeof createSyncClient>;
