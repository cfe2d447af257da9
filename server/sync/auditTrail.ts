import { type AuditTrailQuery, type AuditTrailResponse, auditFromRecord } from '../../shared/sync/auditTrail';
import type { ServerDb } from '../db/connect';

/**
 * One page of an entity's audit entries, newest first, from the server's hash-chained trail
 * (index `audit_by_entity`). Each entry has exactly the shape the ledger writes into the change log
 * for a pull, so a laptop stores and verifies it the same way.
 */
export async function handleAuditTrail(store: ServerDb, query: AuditTrailQuery): Promise<AuditTrailResponse> {
  let select = store.db.selectFrom('audit').selectAll().where('entity_id', '=', query.entityId);
  if (query.before !== undefined) select = select.where('id', '<', query.before);
  const rows = await select
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const entries = rows.slice(0, query.limit).map(auditFromRecord);
  return { entries, cursor: entries.length > 0 ? entries[entries.length - 1]!.id : null, hasMore: rows.length > query.limit };
}
