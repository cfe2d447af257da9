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
  toRecord,
} from '../../shared/schema/tables';
import type { SyncRepairResult, SyncVerifyResult } from '../../shared/sync/verify';
import { call } from './harness';
import { comparable, generatedRow, generatedWorld, generatorStamp } from './registryRows';

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
  // A delete pushed as a mutation: a tombstone in the server's change log.
  { call: 'platforms.create', args: (ids) => ({ clientId: ids.client, name: 'Oud portaal' }), keep: 'doomed' },
  { call: 'platforms.delete', args: (ids) => ({ id: ids.doomed }) },
  { call: 'time.start', args: (ids) => ({ incidentId: ids.incident }) },
  { call: 'time.stop', args: () => ({ note: 'Opgelost' }) },
  { call: 'time.log', args: (ids) => ({ clientId: ids.client, startedAt: '2026-01-05T09:00:00Z', minutes: 30 }), keep: 'logged' },
  { call: 'time.update', args: (ids) => ({ id: ids.logged, reason: 'Belletje erbij', note: 'Overleg' }) },
  { call: 'time.delete', args: (ids) => ({ id: ids.logged, reason: 'Dubbel geboekt' }) },
  // Bundling: a small ticket with its time merged into the first (incidents, entries and timeline move).
  { call: 'incidents.create', args: (ids) => ({ clientId: ids.client, title: 'Wachtwoord vergeten', priority: 'P4' }), keep: 'small' },
  { call: 'time.log', args: (ids) => ({ incidentId: ids.small, startedAt: '2026-01-06T09:00:00Z', minutes: 7 }) },
  { call: 'bundling.merge', args: (ids) => ({ survivorId: ids.incident, mergedIds: [ids.small], reason: 'Kleine vraag' }) },
  // The client moves to a prepaid bundle: its ledger is append-only lines.
  {
    call: 'contracts.set',
    args: (ids) => ({ clientId: ids.client, effectiveFrom: '2021-01-01', terms: JSON.parse(ids.prepaidTerms!) as unknown }),
  },
  { call: 'budget.buy', args: (ids) => ({ clientId: ids.client, minutes: 600, purchasedOn: '2026-01-02', validThrough: '2026-12-31' }) },
  { call: 'budget.adjust', args: (ids) => ({ clientId: ids.client, minutes: -30, reason: 'Dubbel geboekt' }) },
  // A closed billing month: a row with a deterministic id, reopened (a field-stamped update).
  { call: 'month.close', args: (ids) => ({ clientId: ids.client, month: '2025-12' }) },
  { call: 'month.reopen', args: (ids) => ({ clientId: ids.client, month: '2025-12', reason: 'Correctie' }) },
  // The ticket crosses the scope line: its change request is quoted and sent; its time entry follows.
  { call: 'changeRequests.convert', args: (ids) => ({ id: ids.incident, estimateMinutes: 480 }) },
  { call: 'changeRequests.update', args: (ids) => ({ id: ids.incident, quoteCents: 76_000 }) },
  { call: 'changeRequests.setStatus', args: (ids) => ({ id: ids.incident, to: 'sent' }) },
  // 70 of 600 left: the laptop's budget watch stores the 25 % threshold as notified (budget.markNotified).
  { call: 'budget.adjust', args: (ids) => ({ clientId: ids.client, minutes: -500, reason: 'Oude uren afgeboekt' }) },
];

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function laptop(s: TestServer, name: string): Promise<Engine> {
  const engine = openEngine({ dataDir: tempDataDir() });
  engine.ensureProfile('local');
  engine.budgets.start();
  cleanups.push(() => engine.close());
  await call(engine, 'sync.login', { serverUrl: s.url, code: await s.engineer(name, undefined, 'lead') }); // a lead: the corpus sets contracts
  return engine;
}

/** The server's current rows of every table, as its change log serves them (tombstones left out). */
async function serverRows(s: TestServer): Promise<Map<SyncedTable, Set<string>>> {
  const rows = await s.store.db.selectFrom('changes').select(['table_name', 'row']).execute();
  const out = new Map<SyncedTable, Set<string>>(SYNCED_TABLES.map((t) => [t, new Set()]));
  for (const r of rows) {
    const row = JSON.parse(r.row) as Record<string, unknown> | null;
    if (row) out.get(r.table_name as SyncedTable)?.add(comparable(r.table_name as SyncedTable, row));
  }
  return out;
}

/** Ids the server's change log holds a tombstone for, per table. */
async function tombstones(s: TestServer): Promise<Map<string, string[]>> {
  const rows = await s.store.db.selectFrom('changes').select(['table_name', 'row_id']).where('row', '=', 'null').execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.table_name, [...(out.get(r.table_name) ?? []), r.row_id]);
  return out;
}

const MUTABLE_TABLES = SYNCED_TABLES.filter((t) => TABLE_SPECS[t].kind === 'mutable');

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

/** Rows written into the server's change log as a pull serves them; `tombstone` records the row deleted. */
async function injectOnServer(
  s: TestServer,
  rows: { table: SyncedTable; row: Record<string, unknown>; tombstone?: boolean }[],
): Promise<void> {
  await s.store.db.transaction().execute(async (trx) => {
    const ledger = await Ledger.open(trx, s.store.dialect);
    for (const { table, row, tombstone } of rows) ledger.recordChange(table, String(row.id), tombstone ? null : row);
    await ledger.close();
  });
}

describe.each(DIALECTS)('every registered table round-trips on a %s office server', (dialect: TestDialect) => {
  it('through push, pull, bootstrap, checksum, verify and repair', async () => {
    const s = await startTestServer(dialect);
    cleanups.push(() => s.close());
    const a = await laptop(s, 'Sanne');

    // Push: the corpus, made on laptop A and pushed.
    const ids: Record<string, string> = {
      terms: JSON.stringify(await call(a, 'contracts.template', { costModel: 'all_in' })),
      prepaidTerms: JSON.stringify(await call(a, 'contracts.template', { costModel: 'prepaid' })),
    };
    for (const step of CORPUS) {
      const made = await call<{ id?: string; entry?: { id: string } }>(a, step.call, step.args(ids));
      const id = made.id ?? made.entry?.id;
      if (step.keep && id) ids[step.keep] = id;
    }
    await call(a, 'sync.now');
    expect(a.sync.status().pending).toBe(0);
    const pushed = await serverRows(s);
    for (const table of TABLE_NAMES) expect(pushed.get(table)!.size, `no mutation of the corpus writes ${table}`).toBeGreaterThan(0);
    expect(await tombstones(s)).toEqual(
      new Map([
        ['platforms', [ids.doomed]],
        ['timeEntries', [ids.logged]],
      ]),
    );

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

    // Delete: every mutable table loses a row no other row refers to, by a tombstone on the server.
    // (Settings hold one row, id `team`: its generated row is that row again, and is deleted too.)
    const parentIds = new Map(generated.map(({ table, row }) => [table, String(row.id)]));
    const stamp = generatorStamp();
    const doomed = MUTABLE_TABLES.map((table, i) => ({ table, row: generatedRow(table, parentIds, stamp, 101 + i) }));
    await injectOnServer(s, doomed);
    for (const engine of [a, b]) await call(engine, 'sync.now');
    for (const { table, row } of doomed) expect(laptopRows(b, table), table).toContain(comparable(table, row));
    await injectOnServer(
      s,
      doomed.map(({ table, row }) => ({ table, row: { id: row.id }, tombstone: true })),
    );
    for (const engine of [a, b]) {
      await call(engine, 'sync.now');
      await expectSameRows(s, engine);
      for (const { table, row } of doomed) expect(laptopRows(engine, table), table).not.toContain(comparable(table, row));
      expect(await call<SyncVerifyResult>(engine, 'sync.verify')).toMatchObject({ comparable: true, divergent: [] });
    }
    // A laptop bootstrapped now never holds them.
    const c = await laptop(s, 'Nadia');
    await call(c, 'sync.now');
    await expectSameRows(s, c);
    // Brought back behind the sync's back (children first is not needed: nothing refers to them),
    // they make verify diverge, and repair removes them on the tombstones' word.
    for (const { table, row } of doomed) {
      if (!TABLE_SPECS[table].checksummed) continue;
      const record = toRecord(table, row as never);
      const columns = Object.keys(record);
      c.db
        .prepare(
          `INSERT OR REPLACE INTO ${TABLE_SPECS[table].sqlTable} (${columns.join(', ')}) VALUES (${columns.map((k) => `@${k}`).join(', ')})`,
        )
        .run(record);
    }
    const deletedTables = MUTABLE_TABLES.filter((t) => TABLE_SPECS[t].checksummed);
    expect((await call<SyncVerifyResult>(c, 'sync.verify')).divergent).toEqual(CHECKSUM_TABLES.filter((t) => deletedTables.includes(t)));
    const removal = await call<SyncRepairResult>(c, 'sync.repair', { tables: deletedTables });
    for (const t of removal.tables) expect(t.removed, t.table).toBe(1);
    expect(await call<SyncVerifyResult>(c, 'sync.verify')).toMatchObject({ comparable: true, divergent: [] });
    await expectSameRows(s, c);
  });
});
