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

export function parkRow(db: Db, parked: ParkedRow & { parentTable: 'clients' | 'incidents'; parentId: string }): void {
  stmt(
    db,
    `INSERT INTO sync_parked (table_name, row_id, seq, parent_table, parent_id, row) VALUES (@table, @id, @seq, @parentTable, @parentId, @row)
     ON CONFLICT (table_name, row_id) DO UPDATE SET seq = excluded.seq, parent_table = excluded.parent_table,
       parent_id = excluded.parent_id, row = excluded.row WHERE excluded.seq > sync_parked.seq`,
  ).run({ ...parked, row: JSON.stringify(parked.row) });
}

/** Parked rows whose parent is stored now, oldest first. Cheap when nothing is parked (the usual case). */
export function parkedReady(db: Db): ParkedRow[] {
  const rows = stmt(
    db,
    `SELECT table_name, row_id, seq, row FROM sync_parked p
     WHERE (p.parent_table = 'clients' AND EXISTS (SELECT 1 FROM clients c WHERE c.id = p.parent_id))
        OR (p.parent_table = 'incidents' AND EXISTS (SELECT 1 FROM incidents i WHERE i.id = p.parent_id))
     ORDER BY p.seq`,
  ).all() as { table_name: string; row_id: string; seq: number; row: string }[];
  return rows.map((r) => ({ table: r.table_name, id: r.row_id, seq: r.seq, row: JSON.parse(r.row) as Record<string, unknown> }));
}

export function unpark(db: Db, table: string, id: string): void {
  stmt(db, 'DELETE FROM sync_parked WHERE table_name = ? AND row_id = ?').run(table, id);
}

export function countParked(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM sync_parked').get() as { n: number }).n;
}
