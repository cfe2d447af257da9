import type { Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * 0016 — monitoring webhooks (docs/alerts.md), server-only, never synced to laptops. `integrations`
 * holds each receiver's secret in the clear: an HMAC is checked with the secret itself, so a hash
 * would not do. `alert_inbox` keeps every verified delivery's raw body before it is parsed, so a
 * crash or a parser bug never loses an alert; `delivery_id` (Standard Webhooks' `webhook-id`) is
 * unique per integration, which refuses a replay.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('integrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('previous_secret', 'text')
    .addColumn('previous_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('alert_inbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('integration_id', 'text', (c) => c.notNull().references('integrations.id'))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('delivery_id', 'text')
    .addColumn('headers', 'text', (c) => c.notNull())
    .addColumn('body', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('normalized', 'text')
    .addColumn('processed_at', 'text')
    .execute();
  await db.schema.createIndex('alert_inbox_by_delivery').on('alert_inbox').columns(['integration_id', 'delivery_id']).unique().execute();
  await db.schema.createIndex('alert_inbox_by_status').on('alert_inbox').columns(['status', 'received_at']).execute();
}
