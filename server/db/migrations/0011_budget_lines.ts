import type { Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * 0011 — the prepaid bundle ledger (shared/domain/budget.ts): append-only budget lines per client.
 * The client lookup leads an index (test/integration/lookupIndexes.test.ts).
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('budget_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('valid_through', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('field_versions', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('budget_lines_by_client_id').on('budget_lines').columns(['client_id', 'id']).execute();
}
