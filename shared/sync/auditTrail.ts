import { z } from 'zod';
import { type AuditContent, auditHash } from '../auditChain';
import { SyncedAudit } from '../domain/audit';

/**
 * `GET /sync/v1/audit`: one entity's audit entries from the office server's trail, newest first,
 * in pages. A laptop's bootstrap leaves other laptops' audit history out; this is how it fetches
 * the history of an entity when someone opens it (docs/sync-protocol.md, "Audit history").
 */

export const AUDIT_TRAIL_MAX_LIMIT = 1000;
export const AUDIT_TRAIL_DEFAULT_LIMIT = 200;

export const AuditTrailQuery = z.object({
  entityId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, { message: 'format.entityId' }),
  /** Only entries older than this server audit id (the previous page's `cursor`). */
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_TRAIL_MAX_LIMIT).default(AUDIT_TRAIL_DEFAULT_LIMIT),
});
export type AuditTrailQuery = z.output<typeof AuditTrailQuery>;

export const AuditTrailResponse = z.object({
  /** Newest first (descending server audit id), each exactly as a pull carries an `audit` change. */
  entries: z.array(SyncedAudit),
  /** The id of the oldest entry on this page, to pass as `before` for the next one; null when empty. */
  cursor: z.number().int().nullable(),
  hasMore: z.boolean(),
});
export type AuditTrailResponse = z.infer<typeof AuditTrailResponse>;

/** An audit row as stored (the server's `audit`, a laptop's `audit_synced`): snake_case, JSON as text. */
export interface AuditRecord {
  id: number | string | bigint;
  at: string;
  hlc: string;
  actor_id: string;
  actor_name: string;
  device_id: string;
  mutation: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

/** A stored audit row as the entry a pull carries. */
export function auditFromRecord(r: AuditRecord): SyncedAudit {
  return {
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
  };
}

/** The part of a synced entry its hash covers. */
export function auditContentOf(entry: SyncedAudit): AuditContent {
  return {
    at: entry.at,
    hlc: entry.hlc,
    actorId: entry.actorId,
    actorName: entry.actorName,
    deviceId: entry.deviceId,
    mutation: entry.mutation,
    entity: entry.entity,
    entityId: entry.entityId,
    before: entry.before,
    after: entry.after,
  };
}

/**
 * Why a server audit entry cannot be trusted on its own, or null when its hash covers its content
 * and the hash it links to. (Links to the entries around it are checked where those are known:
 * the server's chain runs through every entity, so one entity's entries are not adjacent.)
 */
export function syncedAuditProblem(entry: SyncedAudit): string | null {
  if (!/^[0-9a-f]{64}$/.test(entry.prevHash)) return 'its previous hash is not a SHA-256 hash';
  if (auditHash(entry.prevHash, auditContentOf(entry)) !== entry.hash) return 'its content does not match its hash';
  return null;
}
