import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { v4 as uuidv4 } from 'uuid';
import { type Engine, openEngine } from '../../core/engine/engine';
import { tempDataDir } from '../../core/testSupport';
import { httpTransport, type SyncTransport } from '../../core/sync/transport';
import { addEngineer } from '../../server/auth/devices';
import { applyMutation } from '../../server/sync/applyMutation';
import { connectServerDb } from '../../server/db/connect';
import type { ServerDatabase } from '../../server/db/schema';
import { Ledger } from '../../server/sync/ledger';
import { freshServerDb, serveStore, startTestServer, type TestDialect, type TestServer } from '../../server/testSupport';
import { formatHlc, HybridLogicalClock } from '../../shared/hlc';
import { generateData } from '../fixtures/dataGenerator';
import type { BenchRow, BenchSection } from './report';

/**
 * Sync benchmarks: a real office server (Fastify on loopback, SQLite or PostgreSQL) and real
 * laptops (engines with their own SQLite files) talking HTTP and WebSocket, all in this one
 * process. Most cases are one long run (a bootstrap, a drain), not many samples: their rows say
 * so, with ops/s = rows (or mutations) per second and p50 = p99 = the run's wall time.
 */

const SEED_TX = 5000;

// ---------------------------------------------------------------------------------------------
// Helpers shared by the sync sections (and syncVsPouch.bench.ts)

export function ms(n: number): string {
  return n >= 100 ? `${Math.round(n).toLocaleString('en-US')} ms` : `${n.toFixed(1)} ms`;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** A row for one long run: throughput = units per second, p50 = p99 = the wall time. */
export function singleRunRow(name: string, units: number, wallMs: number): BenchRow {
  return { name, opsPerSec: units / (wallMs / 1000), p50Ms: wallMs, p99Ms: wallMs, samples: 1 };
}

/** A row from latency samples (ms), throughput = samples per second of the samples' own time. */
export function latencyRow(name: string, samplesMs: readonly number[], opsPerSec?: number): BenchRow {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return {
    name,
    opsPerSec: opsPerSec ?? 1000 / mean,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    samples: sorted.length,
  };
}

export interface SeededServer extends TestServer {
  /** Domain rows (clients + incidents) on the server. */
  rows: number;
  /** Entries in the change log a bootstrap pulls (rows, their audit entries, engineers). */
  changes: number;
  seedMs: number;
}

/**
 * Opens the server's SQLite file on a second connection for seeding. Kysely's SQLite driver
 * prepares every statement on every call (sqlite-driver.js executeQuery → db.prepare), which
 * halves seeding speed; the seeding connection caches prepared statements, nothing else differs.
 */
function seedingDb(file: string): { db: Kysely<ServerDatabase>; close(): Promise<void> } {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  const statements = new Map<string, Database.Statement>();
  const database = {
    close: () => sqlite.close(),
    prepare(sql: string): Database.Statement {
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)));
      return statement;
    },
  };
  const db = new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database }) });
  return { db, close: () => db.destroy() };
}

/**
 * A SQLite server holding `clients` clients and `incidents` incidents, written through the
 * server's own mutation path (applyMutation + Ledger, the code a push runs) in transactions of
 * SEED_TX mutations, so rows, change log and audit chain are what real pushes leave behind.
 */
export async function seededServer(counts: { clients: number; incidents: number; seed?: number }): Promise<SeededServer> {
  const started = performance.now();
  const { store, drop, options } = await freshServerDb('sqlite');
  const { engineer } = await addEngineer(store, { name: 'Seeder', email: 'seeder@agency.test', role: 'engineer' });
  await store.close();
  const file = fs.readdirSync(options.dataDir!).find((f) => f.endsWith('.sqlite3'));
  if (!file) throw new Error(`no SQLite file in ${options.dataDir}`);
  const seeding = seedingDb(path.join(options.dataDir!, file));
  try {
    const origin = { actor: { id: engineer.id, name: engineer.name }, deviceId: 'seed-device', clientId: 'seed', mutationId: 0 };
    const data = generateData({ seed: counts.seed ?? 11, ...counts, until: new Date(Date.now() - 3600_000) });
    const mutations = [
      ...data.clients.map((args) => ({ name: 'client.create', args })),
      ...data.incidents.map((args) => ({ name: 'incident.create', args })),
    ];
    const clock = new HybridLogicalClock('seed', Date.now);
    for (let i = 0; i < mutations.length; i += SEED_TX) {
      await seeding.db.transaction().execute(async (trx) => {
        const ledger = await Ledger.open(trx, 'sqlite');
        for (const m of mutations.slice(i, i + SEED_TX)) await applyMutation(trx, ledger, { ...m, hlc: clock.tick() }, origin);
        await ledger.close();
      });
    }
    const { n } = await seeding.db
      .selectFrom('changes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await seeding.close();
    const server = await serveStore(await connectServerDb(options), drop);
    return { ...server, rows: mutations.length, changes: Number(n), seedMs: performance.now() - started };
  } catch (err) {
    await seeding.close().catch(() => undefined);
    await drop();
    throw err;
  }
}

/** Time spent inside the transport's push and pull calls (HTTP, the server's work, response parsing). */
export interface TransportTimes {
  pushMs: number;
  pullMs: number;
  pushes: number;
  pulls: number;
}

export interface Laptop {
  engine: Engine;
  times: TransportTimes;
  close(): void;
}

/** An engine on a fresh data folder whose transport is timed; close() removes the folder. */
export function laptop(): Laptop {
  const dataDir = tempDataDir();
  const times: TransportTimes = { pushMs: 0, pullMs: 0, pushes: 0, pulls: 0 };
  const timed = (t: SyncTransport): SyncTransport => ({
    ...t,
    async push(request) {
      const t0 = performance.now();
      try {
        return await t.push(request);
      } finally {
        times.pushMs += performance.now() - t0;
        times.pushes += 1;
      }
    },
    async pull(clientId, after, limit, bootstrap) {
      const t0 = performance.now();
      try {
        return await t.pull(clientId, after, limit, bootstrap);
      } finally {
        times.pullMs += performance.now() - t0;
        times.pulls += 1;
      }
    },
  });
  const engine = openEngine({ dataDir, transportFor: (url, token) => timed(httpTransport(url, token)) });
  return {
    engine,
    times,
    close() {
      engine.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function countRows(engine: Engine, table: 'clients' | 'incidents' | 'audit_synced'): number {
  return (engine.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** Wall time and this process's CPU time (user + system) of `run`. */
export async function timed<T>(run: () => Promise<T>): Promise<{ result: T; wallMs: number; cpuMs: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await run();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { result, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Pairs a fresh laptop and pulls everything: the timed part of an initial sync. */
export async function initialSync(
  server: TestServer,
  name: string,
): Promise<{ laptop: Laptop; wallMs: number; cpuMs: number; pulled: number }> {
  const code = await server.engineer(name);
  const l = laptop();
  const {
    result: round,
    wallMs,
    cpuMs,
  } = await timed(async () => {
    await l.engine.sync.login(server.url, code);
    return l.engine.sync.syncNow();
  });
  return { laptop: l, wallMs, cpuMs, pulled: round.pulled };
}

/**
 * Other processes may share the machine: a high load stretches wall times much more than this
 * process's CPU times, so sections state the load they ran under. Call at the start; the returned
 * function gives the line for the report at the end.
 */
export function loadWatch(): () => string {
  const start = os.loadavg()[0]!;
  return () =>
    `machine load (1-minute average) ${start.toFixed(1)} at the start of this section, ${os.loadavg()[0]!.toFixed(1)} at its end, on ${os.cpus().length} cores`;
}

function breakdown(wallMs: number, times: TransportTimes): string {
  const localMs = wallMs - times.pullMs - times.pushMs;
  return (
    `transport calls (HTTP + server work + response validation) ${ms(times.pushMs + times.pullMs)} over ${times.pushes} pushes and ${times.pulls} pulls, ` +
    `applying on the laptop ${ms(localMs)} (${((100 * localMs) / wallMs).toFixed(0)}% of the run)`
  );
}

/** "meets/misses the target (≤ 5 s): 1.20× the target" — the ratio is always actual / target. */
export function vsTarget(actual: number, target: number, unit: string, lowerIsBetter = true): string {
  const met = lowerIsBetter ? actual <= target : actual >= target;
  return `${met ? 'meets' : 'misses'} the target (${unit}): ${(actual / target).toFixed(2)}× the target`;
}

// ---------------------------------------------------------------------------------------------
// 1. Initial sync of 100k rows to an empty laptop

const BOOT_CLIENTS = 1000;
const BOOT_INCIDENTS = 99_000;
const BOOT_TARGET_MS = 5000;

export async function benchInitialSync(): Promise<BenchSection> {
  const load = loadWatch();
  const server = await seededServer({ clients: BOOT_CLIENTS, incidents: BOOT_INCIDENTS });
  try {
    const volume = await server.store.db
      .selectFrom('changes')
      .select((eb) => ['table_name', eb.fn.sum<number>(eb.fn('length', ['row'])).as('bytes')])
      .groupBy('table_name')
      .execute();
    const bytes = (table?: string) => volume.filter((v) => !table || v.table_name === table).reduce((n, v) => n + Number(v.bytes), 0);
    const { laptop: l, wallMs, cpuMs, pulled } = await initialSync(server, 'Bootstrapper');
    const incidents = countRows(l.engine, 'incidents');
    const clients = countRows(l.engine, 'clients');
    const times = { ...l.times };
    l.close();
    if (incidents !== BOOT_INCIDENTS || clients !== BOOT_CLIENTS)
      throw new Error(`bootstrap incomplete: ${clients} clients, ${incidents} incidents`);
    const n = server.rows.toLocaleString('en-US');
    return {
      title: `Initial sync: ${n} rows to an empty laptop (SQLite server)`,
      note:
        `One run, not samples: pair a fresh laptop and pull until done (\`sync.login\` + \`syncNow()\`), server and laptop in this process on loopback. ` +
        `The server holds ${BOOT_CLIENTS.toLocaleString('en-US')} clients + ${BOOT_INCIDENTS.toLocaleString('en-US')} incidents written through applyMutation + Ledger ` +
        `(seeding took ${ms(server.seedMs)}, not measured); each row carries its audit entry, so the change log a bootstrap pulls has ` +
        `${server.changes.toLocaleString('en-US')} entries. ops/s = domain rows per second; p50 = p99 = the run's wall time.`,
      rows: [singleRunRow(`initial sync of ${n} rows (${pulled.toLocaleString('en-US')} change entries)`, server.rows, wallMs)],
      ratios: [
        `${ms(wallMs)} for ${n} rows: ${vsTarget(wallMs, BOOT_TARGET_MS, '≤ 5 s')}; this process's CPU time meanwhile ${ms(cpuMs)}`,
        `${Math.round(pulled / (wallMs / 1000)).toLocaleString('en-US')} change entries per second; ${breakdown(wallMs, times)}`,
        `the change log holds ${Math.round(bytes() / 1e6)} MB of row JSON, ${((100 * bytes('audit')) / bytes()).toFixed(0)}% of it audit entries`,
        load(),
      ],
    };
  } finally {
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 2. 5,000 offline mutations drain

const DRAIN_CLIENTS = 50;
const DRAIN_CREATES = 3950;
const DRAIN_UPDATES = 1000;
const DRAIN_TARGET_MS = 3000;
const DRAIN_RUNS = 3;

export async function benchOfflineDrain(): Promise<BenchSection> {
  const load = loadWatch();
  const walls: number[] = [];
  const cpus: number[] = [];
  const pushes: number[] = [];
  let last: TransportTimes | undefined;
  for (let run = 0; run < DRAIN_RUNS; run += 1) {
    const server = await startTestServer('sqlite');
    const l = laptop();
    try {
      await l.engine.sync.login(server.url, await server.engineer('Offline'));
      await l.engine.sync.syncNow(); // the engineer row; now nothing is pending
      const data = generateData({
        seed: 20 + run,
        clients: DRAIN_CLIENTS,
        incidents: DRAIN_CREATES,
        until: new Date(Date.now() - 3600_000),
      });
      // Made in one outer transaction (each mutation a savepoint) only to keep the set-up short; not timed.
      l.engine.db.transaction(() => {
        for (const c of data.clients) l.engine.mutate('client.create', c);
        for (const i of data.incidents) l.engine.mutate('incident.create', i);
        for (let u = 0; u < DRAIN_UPDATES; u += 1) {
          l.engine.mutate('incident.update', { id: data.incidents[u % data.incidents.length]!.id, title: `Nog steeds traag (${u})` });
        }
      })();
      const pending = l.engine.sync.status().pending;
      if (pending !== DRAIN_CLIENTS + DRAIN_CREATES + DRAIN_UPDATES) throw new Error(`expected 5000 pending mutations, found ${pending}`);
      Object.assign(l.times, { pushMs: 0, pullMs: 0, pushes: 0, pulls: 0 });
      const { result: round, wallMs, cpuMs } = await timed(() => l.engine.sync.syncNow());
      walls.push(wallMs);
      cpus.push(cpuMs);
      pushes.push(l.times.pushMs);
      last = { ...l.times };
      if (round.pushed !== pending || round.rejected !== 0 || l.engine.sync.status().pending !== 0) {
        throw new Error(`drain incomplete: ${JSON.stringify(round)}`);
      }
    } finally {
      l.close();
      await server.close();
    }
  }
  const n = DRAIN_CLIENTS + DRAIN_CREATES + DRAIN_UPDATES;
  const wall = latencyRow(`syncNow() draining ${n.toLocaleString('en-US')} offline mutations (push + pull of the echo)`, walls);
  const push = latencyRow(`  of which the ${Math.ceil(n / 1000)} push calls`, pushes);
  wall.opsPerSec = n / (wall.p50Ms / 1000);
  push.opsPerSec = n / (push.p50Ms / 1000);
  return {
    title: '5,000 offline mutations drained by one sync round',
    note:
      `A paired laptop that is not syncing makes ${DRAIN_CLIENTS} client.create + ${DRAIN_CREATES.toLocaleString('en-US')} incident.create + ` +
      `${DRAIN_UPDATES.toLocaleString('en-US')} incident.update, then one \`syncNow()\` is timed: it pushes them in batches of 1000 and then pulls ` +
      `the resulting change log back (its own rows and their server audit entries). SQLite server, same process, loopback. ` +
      `${DRAIN_RUNS} runs, each on a fresh server and laptop: p50 = median run, p99 column = slowest run; ops/s = mutations per second at the median.`,
    rows: [wall, push],
    ratios: [
      `median ${ms(wall.p50Ms)} for ${n.toLocaleString('en-US')} mutations: ${vsTarget(wall.p50Ms, DRAIN_TARGET_MS, '≤ 3 s')}; ` +
        `this process's CPU time per run ${cpus.map(ms).join(', ')}`,
      `the push calls take ${ms(push.p50Ms)} at the median (${((100 * push.p50Ms) / wall.p50Ms).toFixed(0)}% of the round); last run: ${breakdown(walls[walls.length - 1]!, last!)}`,
      load(),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 3. Edit on laptop A visible in laptop B's store

const LIVE_EDITS = 200;
const LIVE_TIMEOUT_MS = 5000;

function until(check: () => boolean, timeoutMs: number, subscribe: (wake: () => void) => () => void): Promise<boolean> {
  return new Promise((resolve) => {
    if (check()) return resolve(true);
    const timer = setTimeout(() => {
      unsubscribe();
      resolve(false);
    }, timeoutMs);
    const unsubscribe = subscribe(() => {
      if (!check()) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(true);
    });
  });
}

export async function benchLiveEdit(): Promise<BenchSection> {
  const load = loadWatch();
  const server = await startTestServer('sqlite');
  const a = laptop();
  const b = laptop();
  try {
    await a.engine.sync.login(server.url, await server.engineer('Sanne'));
    await b.engine.sync.login(server.url, await server.engineer('Joris'));
    const clientId = uuidv4();
    const incidentId = uuidv4();
    a.engine.mutate('client.create', { id: clientId, name: 'Museum aan de Maas', code: 'MAAS' });
    a.engine.mutate('incident.create', { id: incidentId, clientId, title: 'Website traag', priority: 'P2' });
    await a.engine.sync.syncNow();
    await b.engine.sync.syncNow();
    const titleOnB = b.engine.db.prepare('SELECT title FROM incidents WHERE id = ?').pluck();
    const onChanged = (wake: () => void) =>
      b.engine.subscribe((name, payload) => {
        if (name === 'data.changed' && (payload as { tables: string[] }).tables.includes('incidents')) wake();
      });
    a.engine.sync.start();
    b.engine.sync.start();
    // Both realtime channels up before the first edit.
    const connected = (l: Laptop) =>
      until(
        () => l.engine.sync.status().connected,
        LIVE_TIMEOUT_MS,
        (wake) => l.engine.subscribe(wake),
      );
    if (!(await connected(a)) || !(await connected(b))) throw new Error('realtime channel did not connect');
    const idle = (l: Laptop) => {
      const s = l.engine.sync.status();
      return s.pending === 0 && s.state === 'idle';
    };

    const samples: number[] = [];
    let timeouts = 0;
    for (let i = 0; i < LIVE_EDITS; i += 1) {
      const title = `Website traag (${i})`;
      const t0 = performance.now();
      a.engine.mutate('incident.update', { id: incidentId, title });
      const seen = await until(() => titleOnB.get(incidentId) === title, LIVE_TIMEOUT_MS, onChanged);
      if (seen) samples.push(performance.now() - t0);
      else timeouts += 1;
      // Let both laptops finish their rounds (A pulls its own echo) so each edit starts from rest.
      await until(
        () => idle(a) && idle(b),
        LIVE_TIMEOUT_MS,
        (wake) => {
          const timer = setInterval(wake, 2);
          return () => clearInterval(timer);
        },
      );
    }
    const row = latencyRow(`A: incident.update → B's store has it (realtime channel, ${LIVE_EDITS} edits)`, samples);
    return {
      title: 'Edit on laptop A visible in laptop B’s store',
      note:
        'Both laptops run the sync loop (`sync.start()`: realtime WebSocket channel + rounds). Timed from A’s `mutate` to B’s store holding the ' +
        'new title (checked on each of B’s `data.changed` events): A’s push, the server’s apply and poke, B’s pull and merge. SQLite server; ' +
        'server and both laptops share this process and its event loop, on loopback. Edits are sequential, each from rest. ops/s = 1 / mean latency.',
      rows: [row],
      ratios: [
        `p50 ${ms(row.p50Ms)}: ${vsTarget(row.p50Ms, 50, 'p50 ≤ 50 ms')}`,
        `p99 ${ms(row.p99Ms)}: ${vsTarget(row.p99Ms, 250, 'p99 ≤ 250 ms')}`,
        ...(timeouts > 0
          ? [`${timeouts} of ${LIVE_EDITS} edits did not reach B within ${LIVE_TIMEOUT_MS} ms (left out of the percentiles)`]
          : []),
        load(),
      ],
    };
  } finally {
    a.close();
    b.close();
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Server throughput: pushed mutations applied per second

const PUSH_BATCH = 1000;
const THROUGHPUT_TARGET = 5000;

interface PushCase {
  dialect: TestDialect;
  clients: number;
  batchesPerClient: number;
}

const PUSH_CASES: PushCase[] = [
  { dialect: 'sqlite', clients: 1, batchesPerClient: 10 },
  { dialect: 'sqlite', clients: 4, batchesPerClient: 2 },
  { dialect: 'postgres', clients: 1, batchesPerClient: 5 },
  { dialect: 'postgres', clients: 4, batchesPerClient: 2 },
];

async function pairDevice(server: TestServer, clientId: string): Promise<string> {
  const code = await server.engineer(`Pusher ${clientId}`);
  const res = await fetch(`${server.url}/sync/v1/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, clientId, deviceName: clientId }),
  });
  if (!res.ok) throw new Error(`pairing failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

async function push(server: TestServer, token: string, body: string): Promise<{ applied: number }> {
  const res = await fetch(`${server.url}/sync/v1/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const json = (await res.json()) as { applied: number; rejected: unknown[] };
  if (!res.ok || json.rejected.length > 0) throw new Error(`push failed: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

async function throughputCase(c: PushCase): Promise<{ row: BenchRow; perSec: number; cpuMs: number }> {
  const server = await startTestServer(c.dialect);
  try {
    const data = generateData({
      seed: 40,
      clients: 100,
      incidents: c.clients * c.batchesPerClient * PUSH_BATCH,
      until: new Date(Date.now() - 3600_000),
    });
    const wall = Date.now() - 60_000;
    const devices = await Promise.all(
      Array.from({ length: c.clients }, async (_, k) => {
        const clientId = `pusher-${k}`;
        return { clientId, token: await pairDevice(server, clientId), next: 1 };
      }),
    );
    const body = (d: (typeof devices)[number], mutations: { name: string; args: unknown }[]) =>
      JSON.stringify({
        clientId: d.clientId,
        mutations: mutations.map((m) => {
          const mutationId = d.next++;
          return { mutationId, ...m, hlc: formatHlc({ wallMs: wall, counter: mutationId, node: d.clientId }) };
        }),
      });
    // The clients exist first (not timed): the incidents name them.
    await push(
      server,
      devices[0]!.token,
      body(
        devices[0]!,
        data.clients.map((args) => ({ name: 'client.create', args })),
      ),
    );
    // Bodies are serialized up front, so the loop times the server, not the test's JSON.stringify.
    const bodies = devices.map((d, k) =>
      Array.from({ length: c.batchesPerClient }, (_, j) => {
        const from = (k * c.batchesPerClient + j) * PUSH_BATCH;
        return body(
          d,
          data.incidents.slice(from, from + PUSH_BATCH).map((args) => ({ name: 'incident.create', args })),
        );
      }),
    );
    const latencies: number[] = [];
    let applied = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(
      devices.map(async (d, k) => {
        for (const b of bodies[k]!) {
          const s = performance.now();
          const result = await push(server, d.token, b);
          latencies.push(performance.now() - s);
          applied += result.applied;
        }
      }),
    );
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const expected = c.clients * c.batchesPerClient * PUSH_BATCH;
    if (applied !== expected) throw new Error(`applied ${applied} of ${expected}`);
    const perSec = applied / (wallMs / 1000);
    const name = `${c.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ${c.clients} client${c.clients > 1 ? 's' : ''} × ${c.batchesPerClient} pushes of ${PUSH_BATCH} incident.create`;
    return { row: latencyRow(name, latencies, perSec), perSec, cpuMs: (cpu.user + cpu.system) / 1000 };
  } finally {
    await server.close();
  }
}

export async function benchServerThroughput(): Promise<BenchSection> {
  const load = loadWatch();
  const results: { c: PushCase; row: BenchRow; perSec: number; cpuMs: number }[] = [];
  for (const c of PUSH_CASES) results.push({ c, ...(await throughputCase(c)) });
  const best = (d: TestDialect) => Math.max(...results.filter((r) => r.c.dialect === d).map((r) => r.perSec));
  const sqlite = best('sqlite');
  const postgres = best('postgres');
  return {
    title: 'Server throughput: pushed mutations applied per second',
    note:
      `Devices push pre-serialized batches of ${PUSH_BATCH} incident.create over HTTP (\`POST /sync/v1/push\`, one transaction per push, as a laptop does); ` +
      'with several clients the pushes run concurrently and the server serializes them. ops/s = mutations applied per second of wall time; ' +
      'p50/p99 = latency of one push of 1000. Server and HTTP clients share this process; PostgreSQL 15 on this machine (a schema per case).',
    rows: results.map((r) => r.row),
    ratios: [
      `SQLite: best ${Math.round(sqlite).toLocaleString('en-US')} mutations/s: ${vsTarget(sqlite, THROUGHPUT_TARGET, '≥ 5,000/s', false)}`,
      `PostgreSQL: best ${Math.round(postgres).toLocaleString('en-US')} mutations/s (${(postgres / sqlite).toFixed(2)}× SQLite; no target)`,
      `this process's CPU time per applied mutation (server + HTTP clients): ${results
        .map(
          (r) => `${r.c.dialect} ×${r.c.clients} ${((1000 * r.cpuMs) / (r.c.clients * r.c.batchesPerClient * PUSH_BATCH)).toFixed(0)} µs`,
        )
        .join(', ')}`,
      load(),
    ],
  };
}
