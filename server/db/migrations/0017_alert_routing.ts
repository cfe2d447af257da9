import type { Kysely } from 'kysely';
import type { Dialect } from '../schema';

/**
 * 0017 — alert routing, dedup state and heartbeat monitors (server/alerts, docs/alerts-routing.md).
 * Server-only tables, never synced: laptops see what they cause (incidents and their timelines).
 * Rows are keyed by integration id as text without a foreign key: the integrations table arrives
 * with the receivers on another branch. Times are epoch milliseconds; JSON columns are text.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ms = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('alert_routes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('integration_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('matchers', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('platform_id', 'text')
    .addColumn('priority_map', 'text', (c) => c.notNull())
    .addColumn('resolve_policy', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_routes_by_integration').on('alert_routes').columns(['integration_id', 'position']).execute();

  await db.schema
    .createTable('alert_states')
    .addColumn('integration_id', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('last_change_at', ms, (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('flapping', 'integer', (c) => c.notNull())
    .addColumn('group_key', 'text')
    .addPrimaryKeyConstraint('alert_states_pk', ['integration_id', 'fingerprint'])
    .execute();
  await db.schema
    .createIndex('alert_states_by_group')
    .on('alert_states')
    .columns(['integration_id', 'group_key', 'last_change_at'])
    .execute();
  await db.schema.createIndex('alert_states_by_incident').on('alert_states').columns(['incident_id']).execute();

  await db.schema
    .createTable('heartbeat_monitors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('integration_id', 'text', (c) => c.notNull())
    .addColumn('every_ms', ms, (c) => c.notNull())
    .addColumn('grace_ms', ms, (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('last_seen_at', ms)
    .addColumn('silent', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('heartbeat_monitors_by_integration').on('heartbeat_monitors').columns(['integration_id']).execute();

  // One row per setting (defaults live in code: shared/alerts/settings.ts).
  await db.schema
    .createTable('alert_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}
