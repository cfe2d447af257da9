import type { Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * 0015 — notified prepaid thresholds (shared/domain/budgetNotice.ts): append-only, one row per client,
 * purchase era and threshold. The client lookup leads an index (test/integration/lookupIndexes.test.ts).
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('budget_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('purchase_id', 'text')
    .addColumn('threshold_percent', 'integer', (c) => c.notNull())
    .addColumn('remaining_minutes', 'integer', (c) => c.notNull())
    .addColumn('notified_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('field_versions', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('budget_notices_by_client_id').on('budget_notices').columns(['client_id', 'id']).execute();
}
