import { setImmediate as nextTurn } from 'node:timers/promises';
import { GENESIS_HASH } from '../../shared/auditChain';
import type { DamageReport } from '../../shared/storeHealth';
import { logger } from '../log';
import { type ChainPoint, verifyAuditChainFrom } from '../repos/audit';
import { getMeta, setMeta } from '../repos/meta';
import { takeBackup } from '../store/backups';
import type { Db } from '../store/database';
import { checkFileInBackground } from '../store/integrityCheck';
import { isCorruptionError, markDamaged, readDamage } from '../store/storeDamage';

const log = logger('store-care');

/** A full check and a backup soon after start, then once a day while the app runs. */
export const CARE_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** The first round waits this long, so it does not compete with the first screen for the CPU and the disk. */
export const CARE_FIRST_DELAY_MS = 60 * 1000;
/** Audit entries hashed per event-loop turn, so a first walk over a long chain never stalls a call. */
const AUDIT_SLICE = 2_000;
const AUDIT_VERIFIED_KEY = 'audit.verifiedTo';

export interface StoreCareDeps {
  db: Db;
  storeFile: string;
  dataDir: string;
  now(): number;
  /** The damage mark or the backups changed: tell the UI. */
  onChange(): void;
}

export interface CareRound {
  /** 'damaged': found damaged now or before; 'unchecked': the check could not run (no backup then). */
  outcome: 'sound' | 'damaged' | 'unchecked';
  backup: string | null;
}

export type StoreCare = ReturnType<typeof createStoreCare>;

/**
 * The store's care after start: a full `integrity_check` on a worker thread (the engine keeps
 * working), the local audit hash chain verified from where the last round stopped, then a verified
 * backup. Damage found marks the store (never a backup of it); a check that merely could not run
 * (busy, stopped) marks nothing and takes no backup.
 */
export function createStoreCare(deps: StoreCareDeps) {
  const { db, storeFile } = deps;
  let timer: NodeJS.Timeout | undefined;
  let firstTimer: NodeJS.Timeout | undefined;
  let current: Promise<CareRound> | null = null;
  let cancelCheck: (() => void) | undefined;
  let stopped = false;
  let lastFullCheck: { at: string; ok: boolean } | null = null;

  function damage(): DamageReport | null {
    return readDamage(storeFile);
  }

  /** Marks the store damaged (a SQLITE_CORRUPT error in use, the full check, the audit chain). */
  function markFound(source: DamageReport['source'], detail: string): void {
    markDamaged(storeFile, { at: new Date(deps.now()).toISOString(), source, detail });
    // Also bars this connection's writes outside a transaction; inside one, the guard refuses the next.
    if (!db.inTransaction) db.pragma('query_only = ON');
    deps.onChange();
  }

  async function verifyAudit(): Promise<{ seq: number; reason: string } | null> {
    const saved = getMeta(db, AUDIT_VERIFIED_KEY);
    let point: ChainPoint = saved ? (JSON.parse(saved) as ChainPoint) : { seq: 0, hash: GENESIS_HASH };
    for (;;) {
      const slice = verifyAuditChainFrom(db, point, AUDIT_SLICE);
      if (slice.broken) return slice.broken;
      if (slice.last.seq !== point.seq) setMeta(db, AUDIT_VERIFIED_KEY, JSON.stringify(slice.last));
      point = slice.last;
      if (slice.done || stopped) return null;
      await nextTurn();
    }
  }

  async function round(): Promise<CareRound> {
    if (damage()) return { outcome: 'damaged', backup: null };
    const check = checkFileInBackground(storeFile, 'integrity_check');
    cancelCheck = check.cancel;
    const result = await check.done;
    cancelCheck = undefined;
    if (stopped) return { outcome: 'unchecked', backup: null };
    const at = new Date(deps.now()).toISOString();
    if (result.problems.length > 0 || (result.error && isCorruptionError(result.error))) {
      lastFullCheck = { at, ok: false };
      markFound('check', result.problems.slice(0, 3).join('; ') || result.error!.message);
      return { outcome: 'damaged', backup: null };
    }
    if (result.error) {
      log.warn({ error: result.error }, 'full check could not run; no backup this round');
      return { outcome: 'unchecked', backup: null };
    }
    lastFullCheck = { at, ok: true };
    const broken = await verifyAudit();
    if (broken) {
      markFound('audit', `audit entry ${broken.seq}: ${broken.reason}`);
      return { outcome: 'damaged', backup: null };
    }
    if (stopped) return { outcome: 'sound', backup: null };
    const backup = await takeBackup(db, deps.dataDir, deps.now(), () => damage() !== null);
    deps.onChange();
    return { outcome: 'sound', backup: backup.ok ? backup.backup.name : null };
  }

  /** Runs one round, or joins the one already running. */
  function runRound(): Promise<CareRound> {
    current ??= round()
      .catch((err: unknown): CareRound => {
        if (isCorruptionError(err)) {
          markFound('use', (err as Error).message);
          return { outcome: 'damaged', backup: null };
        }
        log.error({ err }, 'store care round failed');
        return { outcome: 'unchecked', backup: null };
      })
      .finally(() => (current = null));
    return current;
  }

  return {
    start(): void {
      stopped = false;
      firstTimer = setTimeout(() => void runRound(), CARE_FIRST_DELAY_MS);
      firstTimer.unref();
      timer = setInterval(() => void runRound(), CARE_INTERVAL_MS);
      timer.unref();
    },
    /** Stops the timer and the worker; a backup under way is discarded when the store closes. */
    stop(): void {
      stopped = true;
      clearTimeout(firstTimer);
      clearInterval(timer);
      cancelCheck?.();
    },
    runRound,
    markFound,
    damage,
    lastFullCheck: () => lastFullCheck,
  };
}
