import type { Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * 0013 — change requests (shared/domain/changeRequest.ts): one per incident, with estimate, quote
 * and status. Every lookup field leads an index (test/integration/lookupIndexes.test.ts). 0012 is
 * another branch's number.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('change_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('estimate_minutes', 'integer')
    .addColumn('quote_cents', 'integer')
    .addColumn('status_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('field_versions', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['incident_id', 'client_id'] as const) {
    await db.schema.createIndex(`change_requests_by_${column}`).on('change_requests').columns([column, 'id']).execute();
  }
}
