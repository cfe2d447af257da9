import type { Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * 0012 — closed billing months (shared/domain/monthClose.ts): one row per client and month, id
 * `${clientId}:${YYYY-MM}`. The client lookup leads an index (test/integration/lookupIndexes.test.ts).
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('month_closes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('closed', 'integer', (c) => c.notNull())
    .addColumn('reopen_reason', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('field_versions', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('month_closes_by_client_id').on('month_closes').columns(['client_id', 'month']).execute();
}
