import { VangnetError } from '../../shared/errors';
import { type AuditRecord, auditFromRecord, syncedAuditProblem } from '../../shared/sync/auditTrail';
import type { SyncedAudit } from '../../shared/sync/rows';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';
import { insertSyncedAudit } from './sync';

function links(db: Db, id: number): { hash: string; prevHash: string } | undefined {
  const row = stmt(db, 'SELECT hash, prev_hash FROM audit_synced WHERE id = ?').get(id) as { hash: string; prev_hash: string } | undefined;
  return row && { hash: row.hash, prevHash: row.prev_hash };
}

/**
 * Checks server audit entries fetched for one entity and stores the ones this laptop lacks; call
 * inside a transaction. Every entry must belong to the entity, its hash must cover its content and
 * the hash it links to, it must agree with a copy already stored, and it must link to the entries
 * just before and after it in the server's chain wherever this laptop holds those. Anything wrong
 * throws before a row is written. Returns how many entries were new.
 */
export function storeFetchedAudit(db: Db, entityId: string, entries: readonly SyncedAudit[]): number {
  const batch = new Map(entries.map((e) => [e.id, e]));
  const fail = (e: SyncedAudit, reason: string) =>
    new VangnetError('conflict', 'sync.auditUnverified', { entry: e.id, id: entityId, reason });
  const fresh: SyncedAudit[] = [];
  for (const e of entries) {
    if (e.entityId !== entityId) throw fail(e, `it belongs to ${e.entityId}`);
    const problem = syncedAuditProblem(e);
    if (problem) throw fail(e, problem);
    const stored = links(db, e.id);
    if (stored && (stored.hash !== e.hash || stored.prevHash !== e.prevHash)) throw fail(e, 'it differs from the copy this laptop holds');
    const before = batch.get(e.id - 1) ?? links(db, e.id - 1);
    if (before && before.hash !== e.prevHash) throw fail(e, `its previous hash is not the hash of entry ${e.id - 1}`);
    const after = batch.get(e.id + 1) ?? links(db, e.id + 1);
    if (after && after.prevHash !== e.hash) throw fail(e, `entry ${e.id + 1} does not link to it`);
    if (!stored) fresh.push(e);
  }
  for (const e of fresh) insertSyncedAudit(db, e);
  return fresh.length;
}

/**
 * Walks every server audit entry this laptop holds (pulled or fetched): each hash must cover its
 * content, and consecutive ids must link. Returns the first problem, or null when all check out.
 */
export function verifySyncedAudit(db: Db): { id: number; reason: string } | null {
  let previous: SyncedAudit | null = null;
  for (const row of stmt(db, 'SELECT * FROM audit_synced ORDER BY id').iterate() as IterableIterator<AuditRecord>) {
    const entry = auditFromRecord(row);
    const problem = syncedAuditProblem(entry);
    if (problem) return { id: entry.id, reason: problem };
    if (previous && previous.id === entry.id - 1 && previous.hash !== entry.prevHash) {
      return { id: entry.id, reason: `its previous hash is not the hash of entry ${previous.id}` };
    }
    previous = entry;
  }
  return null;
}
