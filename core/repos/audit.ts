import { type AuditContent, auditHash, GENESIS_HASH } from '../../shared/auditChain';
import { canonicalJson } from '../../shared/canonicalJson';
import type { AuditEntry } from '../../shared/domain/audit';
import type { AuditRecord } from '../../shared/sync/auditTrail';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';
import { restampedHlc } from './restamps';

export type AuditInput = AuditContent;

/** A row of this laptop's own chain: the stored audit record, numbered by `seq`. */
type AuditRow = Omit<AuditRecord, 'id'> & { seq: number };

function lastHash(db: Db): string {
  const row = stmt(db, 'SELECT hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
  return row?.hash ?? GENESIS_HASH;
}

/** Appends one entry to the chain. Call inside the mutation's transaction. */
export function appendAudit(db: Db, entry: AuditInput): void {
  const prev = lastHash(db);
  stmt(
    db,
    `INSERT INTO audit (at, hlc, actor_id, actor_name, device_id, mutation, entity, entity_id, before, after, prev_hash, hash)
     VALUES (@at, @hlc, @actorId, @actorName, @deviceId, @mutation, @entity, @entityId, @before, @after, @prev, @hash)`,
  ).run({
    ...entry,
    before: entry.before ? canonicalJson(entry.before) : null,
    after: entry.after ? canonicalJson(entry.after) : null,
    prev,
    hash: auditHash(prev, entry),
  });
}

function fromRow(r: AuditRow): AuditEntry {
  return {
    seq: r.seq,
    at: r.at,
    hlc: r.hlc,
    actorId: r.actor_id,
    actorName: r.actor_name,
    deviceId: r.device_id,
    mutation: r.mutation,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before ? (JSON.parse(r.before) as Record<string, unknown>) : null,
    after: r.after ? (JSON.parse(r.after) as Record<string, unknown>) : null,
    hash: r.hash,
    synced: false,
  };
}

/**
 * An entity's history, newest first: the office server's trail (every device's actions) plus this
 * laptop's entries the server doesn't have yet. One action has one HLC, which pairs the two copies.
 */
export function auditForEntity(db: Db, entityId: string, limit: number): AuditEntry[] {
  // An action the server restamped (a wrong clock) pairs with its copy under the new stamp.
  const local = (stmt(db, 'SELECT * FROM audit WHERE entity_id = ? ORDER BY seq DESC LIMIT ?').all(entityId, limit) as AuditRow[]).map(
    (r) => ({ ...fromRow(r), hlc: restampedHlc(db, r.hlc) }),
  );
  const synced = (
    stmt(db, 'SELECT * FROM audit_synced WHERE entity_id = ? ORDER BY id DESC LIMIT ?').all(entityId, limit) as (AuditRecord & {
      id: number;
    })[]
  ).map((r): AuditEntry => ({ ...fromRow({ ...r, seq: r.id }), synced: true }));
  const seen = new Set(synced.map((e) => e.hlc));
  return [...synced, ...local.filter((e) => !seen.has(e.hlc))].sort((a, b) => (a.hlc < b.hlc ? 1 : a.hlc > b.hlc ? -1 : 0)).slice(0, limit);
}

/** Walks the whole chain; returns the first broken link, or null when every hash checks out. */
export function verifyAuditChain(db: Db): { seq: number; reason: string } | null {
  return verifyAuditChainFrom(db, { seq: 0, hash: GENESIS_HASH }, Number.MAX_SAFE_INTEGER).broken;
}

export interface ChainPoint {
  seq: number;
  hash: string;
}

/**
 * Checks up to `limit` entries after `from` (a point already verified, or the start: seq 0 and the
 * genesis hash), so a long chain is checked a slice at a time and never again from the start.
 * Returns the last entry verified and the first broken link, if any.
 */
export function verifyAuditChainFrom(
  db: Db,
  from: ChainPoint,
  limit: number,
): { last: ChainPoint; broken: { seq: number; reason: string } | null; done: boolean } {
  let last = from;
  let count = 0;
  for (const row of stmt(db, 'SELECT * FROM audit WHERE seq > ? ORDER BY seq LIMIT ?').iterate(
    from.seq,
    limit,
  ) as IterableIterator<AuditRow>) {
    count += 1;
    if (row.prev_hash !== last.hash) return { last, broken: { seq: row.seq, reason: 'previous hash does not match' }, done: true };
    let entry: AuditEntry;
    try {
      entry = fromRow(row);
    } catch {
      // Its before/after JSON no longer parses: the bytes were changed after the hash was taken.
      return { last, broken: { seq: row.seq, reason: 'content is not readable' }, done: true };
    }
    const expected = auditHash(last.hash, {
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
    });
    if (row.hash !== expected) return { last, broken: { seq: row.seq, reason: 'content does not match its hash' }, done: true };
    last = { seq: row.seq, hash: row.hash };
  }
  return { last, broken: null, done: count < limit };
}
