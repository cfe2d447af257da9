import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshServerDb } from '../testSupport';
import { migrateServer, SERVER_MIGRATIONS, SERVER_SCHEMA_VERSION } from './migrate';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe.each(DIALECTS)('server migrations on %s', (dialect) => {
  it('0005 keeps one digest per client and mutation id', async () => {
    const { store, drop } = await freshServerDb(dialect);
    cleanups.push(drop, () => store.close());
    const versions = SERVER_MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    const version = await sql<{ v: number }>`SELECT max(version) AS v FROM schema_version`.execute(store.db);
    expect(Number(version.rows[0]!.v)).toBe(SERVER_SCHEMA_VERSION);
    const row = { client_id: 'laptopA', mutation_id: 7, digest: 'a'.repeat(64) };
    await store.db.insertInto('mutation_digests').values(row).execute();
    await store.db
      .insertInto('mutation_digests')
      .values({ ...row, client_id: 'laptopB' })
      .execute();
    await expect(store.db.insertInto('mutation_digests').values(row).execute()).rejects.toThrow();
    const stored = await store.db.selectFrom('mutation_digests').selectAll().where('client_id', '=', 'laptopA').execute();
    expect(stored.map((r) => ({ ...r, mutation_id: Number(r.mutation_id) }))).toEqual([row]);
  });

  it('0007 keeps one lease per job', async () => {
    const { store, drop } = await freshServerDb(dialect);
    cleanups.push(drop, () => store.close());
    const lease = { name: 'prune', holder: 'a', expires_at: Date.now() };
    await store.db.insertInto('job_leases').values(lease).execute();
    await expect(
      store.db
        .insertInto('job_leases')
        .values({ ...lease, holder: 'b' })
        .execute(),
    ).rejects.toThrow();
    const stored = await store.db.selectFrom('job_leases').selectAll().execute();
    expect(stored.map((r) => ({ ...r, expires_at: Number(r.expires_at) }))).toEqual([lease]);
  });

  it('0008 keeps the key and params of a refusal beside its code; rows from before have none', async () => {
    const { store, drop } = await freshServerDb(dialect);
    cleanups.push(drop, () => store.close());
    const row = { client_id: 'laptopA', mutation_id: 1, name: 'contract.set', error_code: 'forbidden', error_message: 'x', at: 't' };
    await sql`INSERT INTO rejections (client_id, mutation_id, name, error_code, error_message, at) VALUES (${row.client_id}, 1, ${row.name}, 'forbidden', 'x', 't')`.execute(
      store.db,
    );
    await store.db
      .insertInto('rejections')
      .values({ ...row, mutation_id: 2, error_key: 'permission.forbidden', error_params: JSON.stringify({ role: 'lead' }) })
      .execute();
    const stored = await store.db
      .selectFrom('rejections')
      .select(['mutation_id', 'error_key', 'error_params'])
      .orderBy('mutation_id')
      .execute();
    expect(stored.map((r) => ({ ...r, mutation_id: Number(r.mutation_id) }))).toEqual([
      { mutation_id: 1, error_key: null, error_params: null },
      { mutation_id: 2, error_key: 'permission.forbidden', error_params: '{"role":"lead"}' },
    ]);
  });

  it('0016 keeps raw delivery bytes as they came, and one delivery per Standard Webhooks id and integration', async () => {
    const { store, drop } = await freshServerDb(dialect);
    cleanups.push(drop, () => store.close());
    await store.db.insertInto('integrations').values({ id: 'i1', kind: 'generic', name: 'x', secret: 's', created_at: 't' }).execute();
    const body = Buffer.from([0x00, 0xff, 0x7b, 0x22]);
    const row = { integration_id: 'i1', received_at: 't', headers: '{}', body, status: 'received', delivery_id: 'msg_1' };
    await store.db
      .insertInto('alert_inbox')
      .values({ ...row, id: 'a' })
      .execute();
    await store.db
      .insertInto('alert_inbox')
      .values({ ...row, id: 'b', delivery_id: null })
      .execute();
    await store.db
      .insertInto('alert_inbox')
      .values({ ...row, id: 'c', delivery_id: null })
      .execute();
    await expect(
      store.db
        .insertInto('alert_inbox')
        .values({ ...row, id: 'd' })
        .execute(),
    ).rejects.toThrow();
    const stored = await store.db.selectFrom('alert_inbox').select(['id', 'body']).orderBy('id').execute();
    expect(stored.map((r) => [r.id, Buffer.from(r.body).equals(body)])).toEqual([
      ['a', true],
      ['b', true],
      ['c', true],
    ]);
    const integration = await store.db.selectFrom('integrations').select('disabled').executeTakeFirstOrThrow();
    expect(Number(integration.disabled)).toBe(0);
  });

  it('0017 keeps one alert state per integration and fingerprint, and epoch-ms times whole', async () => {
    const { store, drop } = await freshServerDb(dialect);
    cleanups.push(drop, () => store.close());
    const state = {
      integration_id: 'am',
      fingerprint: 'f1',
      incident_id: null,
      status: 'firing',
      last_change_at: 1_780_000_000_123,
      changes: '[]',
      flapping: 0,
      group_key: null,
    };
    await store.db.insertInto('alert_states').values(state).execute();
    await store.db
      .insertInto('alert_states')
      .values({ ...state, integration_id: 'kuma' })
      .execute();
    await expect(store.db.insertInto('alert_states').values(state).execute()).rejects.toThrow();
    const stored = await store.db
      .selectFrom('alert_states')
      .select('last_change_at')
      .where('integration_id', '=', 'am')
      .executeTakeFirstOrThrow();
    expect(Number(stored.last_change_at)).toBe(state.last_change_at);
  });

  it('applies a listed migration the database has not recorded, even below its newest', async () => {
    // Parallel branches land their reserved numbers in any order: a store may hold 7 before 6.
    const { store, drop } = await freshServerDb(dialect);
    cleanups.push(drop, () => store.close());
    await sql`DROP TABLE mutation_digests`.execute(store.db);
    await sql`DELETE FROM schema_version WHERE version = 5`.execute(store.db);
    await migrateServer(store.db, dialect);
    const row = { client_id: 'laptopA', mutation_id: 1, digest: 'b'.repeat(64) };
    await store.db.insertInto('mutation_digests').values(row).execute();
    const versions = await sql<{ version: number }>`SELECT version FROM schema_version ORDER BY version`.execute(store.db);
    expect(versions.rows.map((r) => Number(r.version))).toEqual(SERVER_MIGRATIONS.map((m) => m.version));
  });
});
