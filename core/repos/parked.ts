import { PARENT_TABLES, type SyncedTable, TABLE_SPECS } from '../../shared/schema/tables';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';

/**
 * Pulled rows waiting for their parent (migration 0004, `sync_parked`): a compacted change log can
 * list a row before the row it refers to. Kept as the server sent them; the newest copy wins.
 */
export interface ParkedRow {
  table: string;
  id: string;
  seq: number;
  row: Record<string, unknown>;
}

export function parkRow(db: Db, parked: ParkedRow & { parentTable: SyncedTable; parentId: string }): void {
  stmt(
    db,
    `INSERT INTO sync_parked (table_name, row_id, seq, parent_table, parent_id, row) VALUES (@table, @id, @seq, @parentTable, @parentId, @row)
     ON CONFLICT (table_name, row_id) DO UPDATE SET seq = excluded.seq, parent_table = excluded.parent_table,
       parent_id = excluded.parent_id, row = excluded.row WHERE excluded.seq > sync_parked.seq`,
  ).run({ ...parked, row: JSON.stringify(parked.row) });
}

// A parked row is ready once its parent is stored: one test per table that some table refers to (the registry's parents).
const READY_SQL = `SELECT table_name, row_id, seq, row FROM sync_parked p WHERE ${
  PARENT_TABLES.map(
    (t) => `(p.parent_table = '${t}' AND EXISTS (SELECT 1 FROM ${TABLE_SPECS[t].sqlTable} x WHERE x.id = p.parent_id))`,
  ).join(' OR ') || '0'
} ORDER BY p.seq`;

/** Parked rows whose parent is stored now, oldest first. Cheap when nothing is parked (the usual case). */
export function parkedReady(db: Db): ParkedRow[] {
  const rows = stmt(db, READY_SQL).all() as { table_name: string; row_id: string; seq: number; row: string }[];
  return rows.map((r) => ({ table: r.table_name, id: r.row_id, seq: r.seq, row: JSON.parse(r.row) as Record<string, unknown> }));
}

export function unpark(db: Db, table: string, id: string): void {
  stmt(db, 'DELETE FROM sync_parked WHERE table_name = ? AND row_id = ?').run(table, id);
}

export function countParked(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM sync_parked').get() as { n: number }).n;
}
