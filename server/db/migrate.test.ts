import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshServerDb } from '../testSupport';
import { SERVER_MIGRATIONS, SERVER_SCHEMA_VERSION } from './migrate';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe.each(DIALECTS)('server migrations on %s', (dialect) => {
  it('0005 keeps one digest per client and mutation id', async () => {
    const { store, drop } = await freshServerDb(dialect);
    cleanups.push(drop, () => store.close());
    expect(SERVER_MIGRATIONS.map((m) => m.version)).toEqual(SERVER_MIGRATIONS.map((_, i) => i + 1));
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
});
