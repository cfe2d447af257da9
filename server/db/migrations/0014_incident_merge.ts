import type { Kysely } from 'kysely';
import type { Dialect } from '../schema';

/** 0014 — ticket bundling (`incident.merge`): a merged incident points to the one it was merged into. */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('incidents').addColumn('merged_into', 'text').execute();
  await db.schema.createIndex('incidents_by_merged_into').on('incidents').column('merged_into').execute();
}
