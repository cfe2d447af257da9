import type { Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * 0006 — the team's settings (shared/domain/settings.ts): one row, id `team`, made by the first
 * `settings.set`. The boolean is an integer 0/1, as on the laptop, so rows map alike on both dialects.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('idle_threshold_minutes', 'integer', (c) => c.notNull())
    .addColumn('idle_detection', 'integer', (c) => c.notNull())
    .addColumn('field_versions', 'text', (c) => c.notNull())
    .execute();
}
