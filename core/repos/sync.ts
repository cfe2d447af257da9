import { type SyncedTable, TABLE_SPECS } from '../../shared/schema/tables';
import type { SyncedAudit } from '../../shared/domain/audit';
import type { ErrorCode } from '../../shared/errors';
import type { Engineer } from '../../shared/sync/protocol';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';
import { insertRowIfAbsent } from './rows';

/** Outbox bookkeeping after a push: acknowledged entries go, rejected ones stay (shown to the user). */
export function ackOutbox(db: Db, lastMutationId: number): number {
  return stmt(db, `DELETE FROM outbox WHERE mutation_id <= ? AND state = 'pending'`).run(lastMutationId).changes;
}

export function markRejected(db: Db, mutationId: number, error: { code: ErrorCode; message: string }): void {
  stmt(db, `UPDATE outbox SET state = 'rejected', error = ?, error_code = ? WHERE mutation_id = ?`).run(error.message, error.code, mutationId);
}

export function dismissRejected(db: Db, mutationId: number): boolean {
  return stmt(db, `DELETE FROM outbox WHERE mutation_id = ? AND state = 'rejected'`).run(mutationId).changes === 1;
}

export function listRejected(db: Db): { mutationId: number; name: string; code: ErrorCode | null; error: string; createdAt: string }[] {
  return stmt(
    db,
    `SELECT mutation_id AS mutationId, name, error_code AS code, error, created_at AS createdAt
     FROM outbox WHERE state = 'rejected' ORDER BY mutation_id`,
  ).all() as {
    mutationId: number;
    name: string;
    code: ErrorCode | null;
    error: string;
    createdAt: string;
  }[];
}

/** Pending entries in order, for a push; rejected ones were handled already and are skipped by the server. */
export function pendingOutbox(db: Db, limit: number): { mutationId: number; name: string; args: unknown; hlc: string }[] {
  const rows = stmt(db, `SELECT mutation_id, name, args, hlc FROM outbox WHERE state = 'pending' ORDER BY mutation_id LIMIT ?`).all(
    limit,
  ) as {
    mutation_id: number;
    name: string;
    args: string;
    hlc: string;
  }[];
  return rows.map((r) => ({ mutationId: r.mutation_id, name: r.name, args: JSON.parse(r.args) as unknown, hlc: r.hlc }));
}

export function upsertEngineer(db: Db, e: Engineer): void {
  stmt(
    db,
    `INSERT INTO engineers (id, name, email, role, active) VALUES (@id, @name, @email, @role, @active)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, role = excluded.role, active = excluded.active`,
  ).run({ ...e, active: e.active ? 1 : 0 });
}

export function engineerRole(db: Db, id: string): Engineer['role'] | undefined {
  return (stmt(db, 'SELECT role FROM engineers WHERE id = ?').get(id) as { role: Engineer['role'] } | undefined)?.role;
}

export function listEngineers(db: Db): Engineer[] {
  const rows = stmt(db, 'SELECT * FROM engineers ORDER BY name COLLATE NOCASE').all() as (Omit<Engineer, 'active'> & { active: number })[];
  return rows.map((r) => ({ ...r, active: r.active === 1 }));
}

/** Server audit entries are immutable: the first copy to arrive is kept. */
export function insertSyncedAudit(db: Db, a: SyncedAudit): void {
  insertRowIfAbsent(db, 'audit', a);
}

export function deleteRow(db: Db, table: SyncedTable, id: string | number): boolean {
  return stmt(db, `DELETE FROM ${TABLE_SPECS[table].sqlTable} WHERE id = ?`).run(id).changes === 1;
}
