import type { Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * 0003 — the change log by table and seq: per-table checksums (`GET /sync/v1/checksums`) and a
 * pull of one table (a laptop repairing it) walk one table's entries in seq order.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.createIndex('changes_by_table').on('changes').columns(['table_name', 'seq']).execute();
}
