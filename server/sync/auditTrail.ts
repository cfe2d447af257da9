import type { SyncedAudit } from '../../shared/sync/rows';
import type { AuditTrailQuery, AuditTrailResponse } from '../../shared/sync/auditTrail';
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
  const entries = rows.slice(0, query.limit).map((r): SyncedAudit => ({
    id: Number(r.id),
    at: r.at,
    hlc: r.hlc,
    actorId: r.actor_id,
    actorName: r.actor_name,
    deviceId: r.device_id,
    mutation: r.mutation,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before === null ? null : (JSON.parse(r.before) as Record<string, unknown>),
    after: r.after === null ? null : (JSON.parse(r.after) as Record<string, unknown>),
    hash: r.hash,
    prevHash: r.prev_hash,
  }));
  return { entries, cursor: entries.length > 0 ? entries[entries.length - 1]!.id : null, hasMore: rows.length > query.limit };
}
