import type { Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * 0007 — one lease row per background job (server/jobs/leadership.ts). On SQLite the process that
 * holds an unexpired lease is the job's only runner; it renews the lease on an interval and another
 * process takes it over once it has expired. PostgreSQL leads with an advisory lock instead and
 * leaves this table empty. `expires_at` is epoch milliseconds, compared as a number.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
    .execute();
}
