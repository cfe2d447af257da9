import type { Db } from '../store/database';
import { stmt } from '../store/statements';

export interface OutboxEntry {
  mutationId: number;
  clientId: string;
  name: string;
  args: unknown;
  hlc: string;
  createdAt: string;
  state: 'pending' | 'rejected';
  error: string | null;
}

/** Appends a mutation for the office server; returns its mutation id (1, 2, 3, … per store). */
export function appendOutbox(db: Db, entry: { clientId: string; name: string; args: unknown; hlc: string; createdAt: string }): number {
  const result = stmt(db, 'INSERT INTO outbox (client_id, name, args, hlc, created_at) VALUES (?, ?, ?, ?, ?)').run(
    entry.clientId,
    entry.name,
    JSON.stringify(entry.args),
    entry.hlc,
    entry.createdAt,
  );
  return Number(result.lastInsertRowid);
}

export function listOutbox(db: Db, limit = 1000): OutboxEntry[] {
  const rows = stmt(db, 'SELECT * FROM outbox ORDER BY mutation_id LIMIT ?').all(limit) as {
    mutation_id: number;
    client_id: string;
    name: string;
    args: string;
    hlc: string;
    created_at: string;
    state: 'pending' | 'rejected';
    error: string | null;
  }[];
  return rows.map((r) => ({
    mutationId: r.mutation_id,
    clientId: r.client_id,
    name: r.name,
    args: JSON.parse(r.args) as unknown,
    hlc: r.hlc,
    createdAt: r.created_at,
    state: r.state,
    error: r.error,
  }));
}

export function countPending(db: Db): number {
  return (stmt(db, `SELECT count(*) AS n FROM outbox WHERE state = 'pending'`).get() as { n: number }).n;
}

/** The highest mutation id this store ever handed out (AUTOINCREMENT never reuses one, short of a restore). */
export function highestAssignedId(db: Db): number {
  const row = stmt(db, `SELECT seq FROM sqlite_sequence WHERE name = 'outbox'`).get() as { seq: number } | undefined;
  return row?.seq ?? 0;
}

/** One entry as it was pushed, pending or rejected; undefined when it is gone (acknowledged, dismissed). */
export function outboxEntry(db: Db, mutationId: number): { mutationId: number; name: string; args: unknown; hlc: string } | undefined {
  const r = stmt(db, 'SELECT mutation_id, name, args, hlc FROM outbox WHERE mutation_id = ?').get(mutationId) as
    { mutation_id: number; name: string; args: string; hlc: string } | undefined;
  return r && { mutationId: r.mutation_id, name: r.name, args: JSON.parse(r.args) as unknown, hlc: r.hlc };
}

/** Makes the next entry's id at least `last + 1`. */
export function reserveIdsThrough(db: Db, last: number): void {
  if (highestAssignedId(db) >= last) return;
  const updated = stmt(db, `UPDATE sqlite_sequence SET seq = ? WHERE name = 'outbox'`).run(last).changes;
  if (updated === 0) stmt(db, `INSERT INTO sqlite_sequence (name, seq) VALUES ('outbox', ?)`).run(last);
}

/**
 * Gives entries from `first` on the ids after `last`, in their order, and reserves them; returns how
 * many moved. Through negative ids, so no entry ever lands on an id another still holds. The caller
 * wraps it in a transaction.
 */
export function renumberFrom(db: Db, first: number, last: number): number {
  const offset = last + 1 - first;
  if (offset <= 0) return 0;
  const moved = stmt(db, 'UPDATE outbox SET mutation_id = -mutation_id WHERE mutation_id >= ?').run(first).changes;
  stmt(db, 'UPDATE outbox SET mutation_id = ? - mutation_id WHERE mutation_id < 0').run(offset);
  const top = stmt(db, 'SELECT max(mutation_id) AS top FROM outbox').get() as { top: number | null };
  reserveIdsThrough(db, Math.max(last, top.top ?? 0));
  return moved;
}
