import type { Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * 0004 — the audit trail by the laptop that wrote it: a bootstrap pull leaves out other laptops'
 * audit history but keeps the asking laptop's own entries, and without this index every page of
 * a bootstrap scanned the whole audit table to find them (about half the server's bootstrap time).
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.createIndex('audit_by_client').on('audit').columns(['client_id', 'id']).execute();
}
