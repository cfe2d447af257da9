import type { Kysely } from 'kysely';
import type { Dialect } from '../schema';

/** 0002 — assignment and category on incidents, the append-only timeline, contracts, platforms. */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('incidents').addColumn('assignee_id', 'text').execute();
  await db.schema.alterTable('incidents').addColumn('category', 'text').execute();

  await db.schema
    .createTable('incident_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .addColumn('field_versions', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_events_by_incident').on('incident_events').columns(['incident_id', 'at']).execute();

  await db.schema
    .createTable('contracts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('field_versions', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contracts_by_client').on('contracts').columns(['client_id', 'effective_from']).execute();

  await db.schema
    .createTable('platforms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('stack', 'text', (c) => c.notNull())
    .addColumn('environments', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('field_versions', 'text', (c) => c.notNull())
    .execute();
}
