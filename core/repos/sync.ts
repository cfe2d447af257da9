import { type SyncedTable, TABLE_SPECS } from '../../shared/schema/tables';
import type { SyncedAudit } from '../../shared/domain/audit';
import type { SyncStatus } from '../../shared/contract/sync';
import type { MessageParams } from '../../shared/errors';
import type { ErrorValue } from '../../shared/sync/errorCode';
import type { Engineer } from '../../shared/sync/protocol';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';
import { insertRowIfAbsent } from './rows';

/** Outbox bookkeeping after a push: acknowledged entries go, rejected ones stay (shown to the user). */
export function ackOutbox(db: Db, lastMutationId: number): number {
  return stmt(db, `DELETE FROM outbox WHERE mutation_id <= ? AND state = 'pending'`).run(lastMutationId).changes;
}

export function markRejected(db: Db, mutationId: number, error: ErrorValue): void {
  stmt(db, `UPDATE outbox SET state = 'rejected', error = ?, error_code = ?, error_key = ?, error_params = ? WHERE mutation_id = ?`).run(
    error.message,
    error.code,
    error.key ?? null,
    error.params ? JSON.stringify(error.params) : null,
    mutationId,
  );
}

export function dismissRejected(db: Db, mutationId: number): boolean {
  return stmt(db, `DELETE FROM outbox WHERE mutation_id = ? AND state = 'rejected'`).run(mutationId).changes === 1;
}

/** Refused changes with why: code, message key and params (null for ones refused before laptop migrations 0006/0008), English text. */
export function listRejected(db: Db): SyncStatus['rejected'] {
  const rows = stmt(
    db,
    `SELECT mutation_id AS mutationId, name, error_code AS code, error_key AS key, error_params AS params, error, created_at AS createdAt
     FROM outbox WHERE state = 'rejected' ORDER BY mutation_id`,
  ).all() as (Omit<SyncStatus['rejected'][number], 'params'> & { params: string | null })[];
  return rows.map((r) => ({ ...r, params: r.params === null ? null : (JSON.parse(r.params) as MessageParams) }));
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
