import type { Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * 0005 — a digest of every mutation the server handled (applied or rejected), per client. A laptop
 * store restored from a backup reuses mutation ids for new work; without the digest the server
 * took those as retries and skipped them, and the work was lost. Mutations handled before this
 * migration have no digest: they are taken as retries, as before.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('mutation_digests')
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('mutation_id', bigint, (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mutation_digests_pk', ['client_id', 'mutation_id'])
    .execute();
}
