import { startTestServer } from '../../server/testSupport';

import { generateData } from '../fixtures/dataGenerator';
import type { BenchSection } from './report';
import {
  breakdown,
  countRows,
  initialSync,
  laptop,
  latencyRow,
  loadWatch,
  ms,
  seededServer,
  singleRunRow,
  timed,
  type TransportTimes,
  vsTarget,
} from './syncSetup';

// ---------------------------------------------------------------------------------------------
// 1. Initial sync of 100k rows to an empty laptop

const BOOT_CLIENTS = 1000;
const BOOT_INCIDENTS = 99_000;
const BOOT_TARGET_MS = 5000;

export async function benchInitialSync(): Promise<BenchSection> {
  const load = loadWatch();
  const server = await seededServer({ clients: BOOT_CLIENTS, incidents: BOOT_INCIDENTS }, 'own-process');
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
        `One run, not samples: pair a fresh laptop and pull until done (\`sync.login\` + \`syncNow()\`) on loopback. The server runs as deployed, ` +
        `\`vangnet-server serve\` in a process of its own, so it reads the next page while the laptop applies the last one (the laptop asks ahead). ` +
        `The server holds ${BOOT_CLIENTS.toLocaleString('en-US')} clients + ${BOOT_INCIDENTS.toLocaleString('en-US')} incidents written through applyMutation + Ledger ` +
        `(seeding took ${ms(server.seedMs)}, not measured); each row carries its audit entry, so the change log a bootstrap pulls has ` +
        `${server.changes.toLocaleString('en-US')} entries. ops/s = domain rows per second; p50 = p99 = the run's wall time.`,
      rows: [singleRunRow(`initial sync of ${n} rows (${pulled.toLocaleString('en-US')} change entries)`, server.rows, wallMs)],
      ratios: [
        `${ms(wallMs)} for ${n} rows: ${vsTarget(wallMs, BOOT_TARGET_MS, '≤ 5 s')}; the laptop's CPU time meanwhile ${ms(cpuMs)} (this process: the engine and its HTTP client)`,
        `${Math.round(pulled / (wallMs / 1000)).toLocaleString('en-US')} change entries per second; ${times.pulls} pulls spent ${ms(times.pullMs)} ` +
          `waiting on the server and the network, mostly while the laptop applied the page before`,
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
