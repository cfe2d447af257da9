import type { Kysely } from 'kysely';

/**
 * 0008 — the message key and params of a refusal (`rejections.error_key`, `error_params` as JSON
 * text) beside its code and English text, so a refusal repeated to a laptop that retries a push is
 * translated there like the first. Rows from before carry NULL: the laptop then shows the headline
 * of the code.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('rejections').addColumn('error_key', 'text').execute();
  await db.schema.alterTable('rejections').addColumn('error_params', 'text').execute();
}
