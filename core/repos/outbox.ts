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
