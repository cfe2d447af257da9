import { type Kysely, sql } from 'kysely';
import { VangnetError } from '../../shared/errors';
import { up as m0001 } from './migrations/0001_initial';
import { up as m0002 } from './migrations/0002_lifecycle';
import { up as m0003 } from './migrations/0003_changes_by_table';
import { up as m0004 } from './migrations/0004_audit_by_client';
import { up as m0005 } from './migrations/0005_mutation_digests';
import { up as m0006 } from './migrations/0006_settings';
import { up as m0007 } from './migrations/0007_job_leases';
import { up as m0008 } from './migrations/0008_rejection_key';
import { up as m0009 } from './migrations/0009_lookup_indexes';
import { up as m0010 } from './migrations/0010_time_entries';
import { up as m0011 } from './migrations/0011_budget_lines';
import { up as m0012 } from './migrations/0012_month_closes';
import { up as m0013 } from './migrations/0013_change_requests';
import { up as m0014 } from './migrations/0014_incident_merge';
import { up as m0015 } from './migrations/0015_budget_notices';
import { up as m0016 } from './migrations/0016_alert_inbox';
import { up as m0017 } from './migrations/0017_alert_routing';
import type { Dialect, ServerDatabase } from './schema';

type Up = (db: Kysely<unknown>, dialect: Dialect) => Promise<void>;

/**
 * Numbered, immutable; the same list on both dialects, in increasing order. Numbers are handed out
 * ahead of time to parallel branches, so the list may have a gap until they all land (0008 is
 * reserved): every listed migration a database has not recorded is applied, even one numbered
 * below its newest.
 */
export const SERVER_MIGRATIONS: readonly { version: number; name: string; up: Up }[] = [
  { version: 1, name: 'initial', up: m0001 },
  { version: 2, name: 'lifecycle', up: m0002 },
  { version: 3, name: 'changes_by_table', up: m0003 },
  { version: 4, name: 'audit_by_client', up: m0004 },
  { version: 5, name: 'mutation_digests', up: m0005 },
  { version: 6, name: 'settings', up: m0006 },
  { version: 7, name: 'job_leases', up: m0007 },
  { version: 8, name: 'rejection_key', up: m0008 },
  { version: 9, name: 'lookup_indexes', up: m0009 },
  { version: 10, name: 'time_entries', up: m0010 },
  { version: 11, name: 'budget_lines', up: m0011 },
  { version: 12, name: 'month_closes', up: m0012 },
  { version: 13, name: 'change_requests', up: m0013 },
  { version: 14, name: 'incident_merge', up: m0014 },
  { version: 15, name: 'budget_notices', up: m0015 },
  { version: 16, name: 'alert_inbox', up: m0016 },
  { version: 17, name: 'alert_routing', up: m0017 },
];
export const SERVER_SCHEMA_VERSION = Math.max(...SERVER_MIGRATIONS.map((m) => m.version));

/**
 * Applies pending migrations, each in a transaction with its version row. On PostgreSQL an
 * advisory lock keeps two server processes starting at once from migrating twice.
 */
export async function migrateServer(db: Kysely<ServerDatabase>, dialect: Dialect): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(7355601)`.execute(trx);
    // Under the lock: two processes creating it at once collide in PostgreSQL's catalog even with IF NOT EXISTS.
    await sql`CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)`.execute(
      trx,
    );
    const rows = await sql<{ version: number }>`SELECT version FROM schema_version`.execute(trx);
    const applied = new Set(rows.rows.map((r) => Number(r.version)));
    const current = Math.max(0, ...applied);
    if (current > SERVER_SCHEMA_VERSION) {
      throw new VangnetError('store_too_new', 'server.tooNew', { current, latest: SERVER_SCHEMA_VERSION });
    }
    for (const m of SERVER_MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await m.up(trx as unknown as Kysely<unknown>, dialect);
      await sql`INSERT INTO schema_version (version, name, applied_at) VALUES (${m.version}, ${m.name}, ${new Date().toISOString()})`.execute(
        trx,
      );
    }
  });
}
