import { afterEach, describe, expect, it } from 'vitest';
import { type Engine, openEngine } from '../../core/engine/engine';
import { tempDataDir } from '../../core/testSupport';
import { DIALECTS, startTestServer, type TestDialect, type TestServer } from '../../server/testSupport';
import { Ledger } from '../../server/sync/ledger';
import {
  APPLY_ORDER,
  CHECKSUM_TABLES,
  fromRecord,
  SYNCED_TABLES,
  type SyncedTable,
  TABLE_NAMES,
  TABLE_SPECS,
} from '../../shared/schema/tables';
import type { SyncRepairResult, SyncVerifyResult } from '../../shared/sync/verify';
import { call } from './harness';
import { comparable, generatedWorld } from './registryRows';

/**
 * Every table in the registry (shared/schema/tables.ts) makes the whole round trip, on both
 * dialects: pushed by the mutations of the corpus below, pulled (and bootstrapped by a second
 * laptop) together with rows generated from its schema, checksummed, verified, and repaired after
 * its rows were lost behind the sync's back. A table registered tomorrow is covered the moment it is
 * registered; one that no mutation of the corpus writes fails the push step until one is added.
 */

/** Contract calls that write every table mutations write, in order; each gets the ids made so far. */
const CORPUS: { call: string; args: (ids: Record<string, string>) => unknown; keep?: string }[] = [
  { call: 'clients.create', args: () => ({ name: 'Registerbouw', code: 'REGB' }), keep: 'client' },
  { call: 'incidents.create', args: (ids) => ({ clientId: ids.client, title: 'Login stuk', priority: 'P2' }), keep: 'incident' },
  { call: 'incidents.reply', args: (ids) => ({ id: ids.incident, body: 'We kijken ernaar' }) },
  {
    call: 'contracts.set',
    args: (ids) => ({ clientId: ids.client, effectiveFrom: '2020-01-01', terms: JSON.parse(ids.terms!) as unknown }),
  },
  { call: 'platforms.create', args: (ids) => ({ clientId: ids.client, name: 'Portaal', url: 'https://registerbouw.test' }) },
  { call: 'settings.set', args: () => ({ idleThresholdMinutes: 15 }) },
];

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function laptop(s: TestServer, name: string): Promise<Engine> {
  const engine = openEngine({ dataDir: tempDataDir() });
  engine.ensureProfile('local');
  cleanups.push(() => engine.close());
  await call(engine, 'sync.login', { serverUrl: s.url, code: await s.engineer(name, undefined, 'lead') }); // a lead: the corpus sets contracts
  return engine;
}

/** The server's current rows of every table, as its change log serves them. */
async function serverRows(s: TestServer): Promise<Map<SyncedTable, Set<string>>> {
  const rows = await s.store.db.selectFrom('changes').select(['table_name', 'row']).execute();
  const out = new Map<SyncedTable, Set<string>>(SYNCED_TABLES.map((t) => [t, new Set()]));
  for (const r of rows) out.get(r.table_name as SyncedTable)?.add(comparable(r.table_name as SyncedTable, JSON.parse(r.row)));
  return out;
}

function laptopRows(engine: Engine, table: SyncedTable): string[] {
  const records = engine.db.prepare(`SELECT * FROM ${TABLE_SPECS[table].sqlTable}`).all() as Record<string, unknown>[];
  return records.map((r) => comparable(table, fromRecord(table, r) as Record<string, unknown>)).sort();
}

/** The laptop holds exactly the server's rows (a subset of the audit trail, which a bootstrap leaves partly out). */
async function expectSameRows(s: TestServer, engine: Engine): Promise<void> {
  const server = await serverRows(s);
  for (const table of SYNCED_TABLES) {
    const mine = laptopRows(engine, table);
    const theirs = [...server.get(table)!].sort();
    if (TABLE_SPECS[table].checksummed) expect(mine, `${table} rows`).toEqual(theirs);
    else for (const row of mine) expect(theirs, `${table} row`).toContain(row);
  }
}

async function injectOnServer(s: TestServer, rows: { table: SyncedTable; row: Record<string, unknown> }[]): Promise<void> {
  await s.store.db.transaction().execute(async (trx) => {
    const ledger = await Ledger.open(trx, s.store.dialect);
    for (const { table, row } of rows) ledger.recordChange(table, String(row.id), row);
    await ledger.close();
  });
}

describe.each(DIALECTS)('every registered table round-trips on a %s office server', (dialect: TestDialect) => {
  it('through push, pull, bootstrap, checksum, verify and repair', async () => {
    const s = await startTestServer(dialect);
    cleanups.push(() => s.close());
    const a = await laptop(s, 'Sanne');

    // Push: the corpus, made on laptop A and pushed.
    const ids: Record<string, string> = { terms: JSON.stringify(await call(a, 'contracts.template', { costModel: 'all_in' })) };
    for (const step of CORPUS) {
      const made = await call<{ id?: string }>(a, step.call, step.args(ids));
      if (step.keep && made.id) ids[step.keep] = made.id;
    }
    await call(a, 'sync.now');
    expect(a.sync.status().pending).toBe(0);
    const pushed = await serverRows(s);
    for (const table of TABLE_NAMES) expect(pushed.get(table)!.size, `no mutation of the corpus writes ${table}`).toBeGreaterThan(0);

    // Pull: rows generated from every table's schema, written on the server, pulled by A.
    const generated = generatedWorld(dialect === 'sqlite' ? 7 : 11);
    await injectOnServer(s, generated);
    await call(a, 'sync.now');
    const all = await serverRows(s);
    for (const table of SYNCED_TABLES) expect(all.get(table)!.size, `the server holds no ${table} row`).toBeGreaterThan(0);
    await expectSameRows(s, a);

    // Bootstrap: a second laptop starts from nothing.
    const b = await laptop(s, 'Joris');
    await call(b, 'sync.now');
    await expectSameRows(s, b);

    // Checksum and verify: every checksummed table compared, and equal, on both laptops.
    for (const engine of [a, b]) {
      const verdict = await call<SyncVerifyResult>(engine, 'sync.verify');
      expect(verdict).toMatchObject({ comparable: true, divergent: [] });
      expect(verdict.tables.map((t) => t.table)).toEqual(CHECKSUM_TABLES);
      for (const t of verdict.tables) expect(t.local.count, t.table).toBeGreaterThan(0);
    }

    // Repair: B loses each table's generated row behind the sync's back (children first, so no
    // row is left pointing at a missing one), verify names every table, repair brings them back.
    b.db.pragma('foreign_keys = OFF');
    for (const { table, row } of [...generated].reverse()) {
      if (TABLE_SPECS[table].checksummed) b.db.prepare(`DELETE FROM ${TABLE_SPECS[table].sqlTable} WHERE id = ?`).run(row.id);
    }
    b.db.pragma('foreign_keys = ON');
    expect((await call<SyncVerifyResult>(b, 'sync.verify')).divergent).toEqual(CHECKSUM_TABLES);
    const repair = await call<SyncRepairResult>(b, 'sync.repair', { tables: CHECKSUM_TABLES });
    expect(repair.tables.map((t) => t.table)).toEqual(APPLY_ORDER.filter((t) => CHECKSUM_TABLES.includes(t as never)));
    for (const t of repair.tables) expect(t.inserted, t.table).toBe(1);
    expect(await call<SyncVerifyResult>(b, 'sync.verify')).toMatchObject({ comparable: true, divergent: [] });
    await expectSameRows(s, b);
  });
});
