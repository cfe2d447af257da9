import { v4 as uuidv4 } from 'uuid';

import { startTestServer, type TestDialect, type TestServer } from '../../server/testSupport';
import { formatHlc } from '../../shared/hlc';
import { generateData } from '../fixtures/dataGenerator';
import type { BenchRow, BenchSection } from './report';
import { type Laptop, laptop, latencyRow, loadWatch, ms, vsTarget } from './syncSetup';

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
