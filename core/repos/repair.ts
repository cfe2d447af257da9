import { VangnetError } from '../../shared/errors';
import { restoreRow } from '../../shared/merge';
import { APPLY_ORDER, CHECKSUM_TABLES, type ChecksumTable, TABLE_SPECS } from '../../shared/schema/tables';
import { canonicalRow } from '../../shared/sync/checksum';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';
import { localRows } from './checksums';
import { getRowBy, insertRow, updateRow, upsertRow } from './rows';
import { deleteRow } from './sync';

/**
 * Repairing a table that diverged from the office server: local rows are set back to the server's
 * copies (keeping fields written after them, i.e. changes still waiting to be pushed), missing rows
 * are added, and rows the server doesn't have are removed unless a pending change made them.
 */
export interface RepairCounts {
  inserted: number;
  updated: number;
  removed: number;
  kept: number;
  /** Ids of the kept rows this laptop created and the server never had nor refused: its own unsynced work. */
  unsynced: string[];
}

/** A row the repair wrote or removed (then as it was), for the caches derived from it. */
export interface RepairedRow {
  table: string;
  id: string;
  row: Record<string, unknown>;
}

export function emptyCounts(): RepairCounts {
  return { inserted: 0, updated: 0, removed: 0, kept: 0, unsynced: [] };
}

/** The stamps of the local changes still waiting to be pushed. */
export function pendingStamps(db: Db): Set<string> {
  const rows = stmt(db, `SELECT hlc FROM outbox WHERE state = 'pending'`).all() as { hlc: string }[];
  return new Set(rows.map((r) => r.hlc));
}

function isForeignKeyError(err: unknown): boolean {
  return (err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

function same(table: ChecksumTable, a: object, b: object): boolean {
  return canonicalRow(table, a as Record<string, unknown>) === canonicalRow(table, b as Record<string, unknown>);
}

type Stamped = { fieldVersions: Record<string, string>; updatedAt?: string };

/** Writes one server row over the local copy when they differ; returns the row now stored, or null when nothing changed. */
function restoreOne(db: Db, table: ChecksumTable, server: { id: string }, counts: RepairCounts): object | null {
  const local = getRowBy(db, table, 'id', server.id) as object | undefined;
  let stored: object = server;
  switch (TABLE_SPECS[table].kind) {
    case 'serverOwned':
      if (local && same(table, local, server)) return null;
      upsertRow(db, table, server as never);
      break;
    case 'appendOnly':
      // Append-only rows never change (a trigger refuses updates): a wrong copy is replaced.
      if (local && same(table, local, server)) return null;
      if (local) deleteRow(db, table, server.id);
      insertRow(db, table, server as never);
      break;
    case 'mutable':
      stored = local ? restoreRow(server as unknown as Stamped, local as Stamped) : server;
      if (local && same(table, stored, local)) return null;
      if (local) updateRow(db, table, stored as never);
      else insertRow(db, table, stored as never);
  }
  counts[local ? 'updated' : 'inserted'] += 1;
  return stored;
}

/** Brings the local copies of these server rows (already checked against their schema) in line with them. */
export function restoreRows(
  db: Db,
  table: ChecksumTable,
  rows: readonly { id: string }[],
  counts: RepairCounts,
  changed: RepairedRow[],
): void {
  for (const server of rows) {
    let stored: object | null;
    try {
      stored = restoreOne(db, table, server, counts);
    } catch (err) {
      if (!isForeignKeyError(err)) throw err;
      throw new VangnetError('conflict', 'sync.repairMissingRef', { table, id: server.id });
    }
    if (stored) changed.push({ table, id: server.id, row: stored as Record<string, unknown> });
  }
}

/** Made by a change still waiting to be pushed: one of its stamps is a pending mutation's. */
function madeByPending(row: Record<string, unknown>, pending: ReadonlySet<string>): boolean {
  if (typeof row.hlc === 'string' && pending.has(row.hlc)) return true;
  const versions = row.fieldVersions as Record<string, string> | undefined;
  return Object.values(versions ?? {}).some((stamp) => pending.has(stamp));
}

/**
 * Made by this laptop and never refused by the server: its own audit log holds the row's creation,
 * under a stamp that is not a rejected mutation's. Such a row is work the server never had (a store
 * set back in time lost track of it); repair must never be what deletes it.
 */
function createdHereUnrefused(db: Db, id: string): boolean {
  const created = stmt(db, 'SELECT hlc FROM audit WHERE entity_id = ? AND before IS NULL ORDER BY seq LIMIT 1').get(id) as
    { hlc: string } | undefined;
  if (!created) return false;
  return !stmt(db, `SELECT 1 FROM outbox WHERE state = 'rejected' AND hlc = ?`).get(created.hlc);
}

/**
 * Removes local rows of `table` that the server doesn't have, except those pending changes made,
 * those this laptop created that the server never refused (kept and named) unless the server holds
 * a tombstone for them (`deleted`: it had the row, then deleted it), and those other rows still need.
 */
export function removeRowsNotOnServer(
  db: Db,
  table: ChecksumTable,
  onServer: ReadonlySet<string>,
  counts: RepairCounts,
  changed: RepairedRow[],
  deleted: ReadonlySet<string> = new Set(),
): void {
  const pending = pendingStamps(db);
  const extra = [...localRows(db, table)].filter((r) => !onServer.has(String(r.id)));
  for (const row of extra) {
    const id = String(row.id);
    if (madeByPending(row, pending)) {
      counts.kept += 1;
      continue;
    }
    if (TABLE_SPECS[table].kind !== 'serverOwned' && !deleted.has(id) && createdHereUnrefused(db, id)) {
      counts.kept += 1;
      counts.unsynced.push(id);
      continue;
    }
    try {
      deleteRow(db, table, id);
      counts.removed += 1;
      changed.push({ table, id, row });
    } catch (err) {
      // Rows of another table still refer to it (they diverged too): kept until that table is repaired.
      if (!isForeignKeyError(err)) throw err;
      counts.kept += 1;
    }
  }
}

/** Table order for writes: parents before the rows that refer to them (removals go the other way). */
export const PARENT_FIRST = APPLY_ORDER.filter((t) => (CHECKSUM_TABLES as readonly string[]).includes(t)) as ChecksumTable[];
