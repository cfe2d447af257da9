import type { Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * 0009 — the lookup fields of the mutation tables (shared/schema/tables.ts, `lookups`) that had no
 * index here yet: an engineer's incidents and a client's platforms. (Incidents, timeline entries
 * and contracts by their parent were indexed in 0001/0002; the laptop has all of them since its
 * 0001/0003.) `test/integration/lookupIndexes.test.ts` checks both sides against the registry.
 */
const INDEXES = [
  { name: 'incidents_by_assignee', table: 'incidents', column: 'assignee_id' },
  { name: 'platforms_by_client', table: 'platforms', column: 'client_id' },
] as const;

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  for (const { name, table, column } of INDEXES) {
    // Lists read by these come back ordered by id after the field: the index serves the order too.
    await db.schema.createIndex(name).on(table).columns([column, 'id']).execute();
  }
}
