import type { Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * 0010 — time entries (shared/domain/time.ts). `billable` is an integer 0/1, as on the laptop.
 * Every lookup field leads an index (test/integration/lookupIndexes.test.ts). 0008 is reserved for
 * another branch.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('time_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engineer_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('running_for', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('billable', 'integer', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('change_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('field_versions', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['engineer_id', 'client_id', 'incident_id', 'running_for'] as const) {
    await db.schema.createIndex(`time_entries_by_${column}`).on('time_entries').columns([column, 'id']).execute();
  }
}
