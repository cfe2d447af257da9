import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';

import { type Engine, openEngine } from '../../core/engine/engine';
import { tempDataDir } from '../../core/testSupport';
import { httpTransport, type SyncTransport } from '../../core/sync/transport';
import { addEngineer } from '../../server/auth/devices';
import { applyMutation } from '../../server/sync/applyMutation';
import { connectServerDb } from '../../server/db/connect';
import type { ServerDatabase } from '../../server/db/schema';
import { Ledger } from '../../server/sync/ledger';
import { freshServerDb, serveStore, startServerProcess, type TestServer } from '../../server/testSupport';
import { HybridLogicalClock } from '../../shared/hlc';
import { generateData } from '../fixtures/dataGenerator';
import type { BenchRow } from './report';

/**
 * Sync benchmarks: a real office server (Fastify on loopback, SQLite or PostgreSQL) and real
 * laptops (engines with their own SQLite files) talking HTTP and WebSocket, all in this one
 * process. Most cases are one long run (a bootstrap, a drain), not many samples: their rows say
 * so, with ops/s = rows (or mutations) per second and p50 = p99 = the run's wall time.
 */

const SEED_TX = 5000;

// ---------------------------------------------------------------------------------------------
// Helpers shared by the sync sections (sync.bench.ts, syncLive.bench.ts, syncVsPouch.bench.ts)

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

export interface SeededServer extends Omit<TestServer, 'server'> {
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
export async function seededServer(
  counts: { clients: number; incidents: number; seed?: number },
  /** `own-process`: `vangnet-server serve` in a child process, as deployed (the laptop and the server then work in parallel). */
  where: 'this-process' | 'own-process' = 'this-process',
): Promise<SeededServer> {
  const started = performance.now();
  const { store, drop, options } = await freshServerDb('sqlite');
  const { engineer } = await addEngineer(store, { name: 'Seeder', email: 'seeder@agency.test', role: 'engineer' });
  await store.close();
  const file = fs.readdirSync(options.dataDir!).find((f) => f.endsWith('.sqlite3'));
  if (!file) throw new Error(`no SQLite file in ${options.dataDir}`);
  const seeding = seedingDb(path.join(options.dataDir!, file));
  try {
    const origin = { actor: { id: engineer.id, name: engineer.name, kind: 'engineer' as const, role: engineer.role }, deviceId: 'seed-device', clientId: 'seed', mutationId: 0 };
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
    const seeded = { rows: mutations.length, changes: Number(n), seedMs: performance.now() - started };
    if (where === 'this-process') return { ...(await serveStore(await connectServerDb(options), drop)), ...seeded };
    const child = await startServerProcess(['--data', options.dataDir!]);
    // This process keeps a connection of its own, for pairing codes and for reading the change log.
    const store = await connectServerDb(options);
    return {
      ...seeded,
      url: child.url,
      store,
      engineer: async (name) =>
        (await addEngineer(store, { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@agency.test`, role: 'engineer' })).pairingCode,
      async close() {
        child.stop();
        await store.close();
        await drop();
      },
    };
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
  server: Pick<TestServer, 'url' | 'engineer'>,
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

export function breakdown(wallMs: number, times: TransportTimes): string {
  const localMs = wallMs - times.pullMs - times.pushMs;
  return (
    `transport calls (HTTP + server work + response validation) ${ms(times.pushMs + times.pullMs)} over ${times.pushes} pushes and ${times.pulls} pulls` +
    (localMs > 0
      ? `, applying on the laptop ${ms(localMs)} (${((100 * localMs) / wallMs).toFixed(0)}% of the run)`
      : ' (a pull runs while the laptop applies the page before it, so the calls add up to more than the wall time)')
  );
}

/** "meets/misses the target (≤ 5 s): 1.20× the target" — the ratio is always actual / target. */
export function vsTarget(actual: number, target: number, unit: string, lowerIsBetter = true): string {
  const met = lowerIsBetter ? actual <= target : actual >= target;
  return `${met ? 'meets' : 'misses'} the target (${unit}): ${(actual / target).toFixed(2)}× the target`;
}
