import type { AuditHistoryResult } from '../../shared/contract';
import { toErrorInfo, VangnetError } from '../../shared/errors';
import { AUDIT_TRAIL_MAX_LIMIT } from '../../shared/sync/auditTrail';
import type { SyncedAudit } from '../../shared/sync/rows';
import { logger } from '../log';
import { storeFetchedAudit } from '../repos/auditSynced';
import { getMeta, setMeta } from '../repos/meta';
import type { Db } from '../store/database';
import type { SyncTransport } from './transport';
import { writeTransaction } from '../store/transaction';

const log = logger('sync');

export interface AuditHistoryDeps {
  db: Db;
  transportFor(serverUrl: string, token: string | null): SyncTransport;
  /** Called with ['audit'] when fetched entries were stored. */
  onChanged(tables: string[]): void;
  now(): number;
}

/** The meta key saying this laptop holds an entity's whole server history. */
export const completeKey = (entityId: string) => `audit.complete:${entityId}`;

/**
 * A bootstrap pull leaves other laptops' audit history on the server. When an entity's history is
 * opened, this fetches what the server has for it (GET /sync/v1/audit), verifies it and stores it
 * with the pulled entries, in one transaction. Once fetched after the bootstrap has finished, every
 * later entry arrives with ordinary pulls, so the entity is marked complete and never asked again.
 */
export function createAuditHistory(deps: AuditHistoryDeps) {
  const { db } = deps;
  const inFlight = new Map<string, Promise<AuditHistoryResult>>();

  async function fetchAll(t: SyncTransport, entityId: string): Promise<SyncedAudit[]> {
    const entries: SyncedAudit[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await t.auditTrail(entityId, before, AUDIT_TRAIL_MAX_LIMIT);
      entries.push(...page.entries);
      if (!page.hasMore) return entries;
      if (page.cursor === null || (before !== undefined && page.cursor >= before)) {
        throw new VangnetError('internal', 'sync.auditBackwards', { id: entityId });
      }
      before = page.cursor;
    }
  }

  async function run(entityId: string): Promise<AuditHistoryResult> {
    const server = getMeta(db, 'sync.server');
    const token = getMeta(db, 'sync.token');
    // Never paired: there is no history anywhere but here.
    if (!server || !token) return { fetched: 0, complete: true, problem: null };
    if (getMeta(db, completeKey(entityId))) return { fetched: 0, complete: true, problem: null };
    let entries: SyncedAudit[];
    try {
      entries = await fetchAll(deps.transportFor(server, token), entityId);
    } catch (err) {
      // Offline, a revoked token, a server without this endpoint: show what is here, say so.
      const info = toErrorInfo(err);
      log.info({ err: info, entityId }, 'audit history not fetched');
      // Not a VangnetError (a bug, a database's words): its text stays in the log, the UI says "internal".
      const problem = info.key ? info : { code: 'internal' as const, message: 'The history could not be fetched' };
      return { fetched: 0, complete: false, problem };
    }
    // Entries made while a bootstrap is still running may yet be skipped by it: mark complete only after.
    const caughtUp = Number(getMeta(db, 'sync.cursor') ?? 0) > 0 && getMeta(db, 'sync.bootstrapping') !== '1';
    const fetched = writeTransaction(db, () => {
      const stored = storeFetchedAudit(db, entityId, entries);
      if (caughtUp) setMeta(db, completeKey(entityId), new Date(deps.now()).toISOString());
      return stored;
    });
    if (fetched > 0) deps.onChanged(['audit']);
    return { fetched, complete: true, problem: null };
  }

  return {
    /** Makes sure this laptop holds the entity's whole audit history, as far as the server can be reached. */
    fetchHistory(entityId: string): Promise<AuditHistoryResult> {
      let job = inFlight.get(entityId);
      if (!job) {
        job = run(entityId).finally(() => inFlight.delete(entityId));
        inFlight.set(entityId, job);
      }
      return job;
    },
  };
}
export type AuditHistory = ReturnType<typeof createAuditHistory>;
