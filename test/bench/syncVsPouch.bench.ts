import { type PouchServer, type PouchStorage, pouchReplicate, startPouchServer } from './pouchPeer';
import type { BenchRow, BenchSection } from './report';
import { countRows, initialSync, latencyRow, loadWatch, ms, seededServer } from './syncSetup';

const CLIENTS = 100;
const INCIDENTS = 9900;
const ROUNDS = 3;
const RATIO_TARGET = 1 / 3;
const POUCH_ELSEWHERE_MS = 1900;

/**
 * Initial sync of the same 10,000 rows: Vangnet (office server → laptop store) against PouchDB
 * replicating from express-pouchdb, the usual offline-first stack in JavaScript. The PouchDB
 * documents are the very rows the Vangnet server holds (read from its change log), one document
 * per client or incident.
 */
export async function benchSyncVsPouch(): Promise<BenchSection> {
  const load = loadWatch();
  const vangnet = await seededServer({ clients: CLIENTS, incidents: INCIDENTS, seed: 12 });
  const pouchServers = new Map<PouchStorage, PouchServer>();
  try {
    const stored = await vangnet.store.db
      .selectFrom('changes')
      .select(['row_id', 'row'])
      .where('table_name', 'in', ['clients', 'incidents'])
      .orderBy('seq')
      .execute();
    const docs = stored.map((r) => ({ _id: r.row_id, ...(JSON.parse(r.row) as Record<string, unknown>) }));
    if (docs.length !== CLIENTS + INCIDENTS) throw new Error(`expected ${CLIENTS + INCIDENTS} rows, read ${docs.length}`);
    for (const storage of ['leveldb', 'memory'] as const) pouchServers.set(storage, await startPouchServer(storage, docs));

    // Interleaved rounds, so a busy moment on the machine does not land on one side only.
    const samples = { vangnet: [] as number[], leveldb: [] as number[], memory: [] as number[] };
    for (let round = 0; round < ROUNDS; round += 1) {
      const { laptop, wallMs } = await initialSync(vangnet, `Laptop ${round}`);
      const rows = countRows(laptop.engine, 'clients') + countRows(laptop.engine, 'incidents');
      laptop.close();
      if (rows !== docs.length) throw new Error(`Vangnet laptop holds ${rows} of ${docs.length} rows`);
      samples.vangnet.push(wallMs);
      for (const [storage, server] of pouchServers) {
        const result = await pouchReplicate(storage, server.dbUrl);
        if (result.docsWritten !== docs.length)
          throw new Error(`PouchDB (${storage}) replicated ${result.docsWritten} of ${docs.length} docs`);
        samples[storage].push(result.wallMs);
      }
    }
    const perSec = (row: BenchRow) => Object.assign(row, { opsPerSec: docs.length / (row.p50Ms / 1000) });
    const n = docs.length.toLocaleString('en-US');
    const ours = perSec(
      latencyRow(
        `Vangnet: pair + pull ${n} rows (${vangnet.changes.toLocaleString('en-US')} change entries), SQLite → SQLite`,
        samples.vangnet,
      ),
    );
    const level = perSec(latencyRow(`PouchDB 9: replicate.from ${n} docs, express-pouchdb (leveldb) → leveldb`, samples.leveldb));
    const memory = perSec(latencyRow(`PouchDB 9: replicate.from ${n} docs, express-pouchdb (memory) → memory`, samples.memory));
    const ratio = (peer: BenchRow, label: string) => {
      const r = ours.p50Ms / peer.p50Ms;
      return (
        `Vangnet takes ${r.toFixed(2)}× the time of PouchDB ${label} (${ms(ours.p50Ms)} vs ${ms(peer.p50Ms)}, medians): ` +
        `${r <= RATIO_TARGET ? 'meets' : 'misses'} the target (≤ 1/3 of PouchDB's time): ${(r / RATIO_TARGET).toFixed(2)}× the target`
      );
    };
    return {
      title: `Initial sync of ${n} rows: Vangnet vs PouchDB replication`,
      note:
        `Each side starts from an empty laptop store and ends when every row is stored. Vangnet: a SQLite office server seeded through applyMutation ` +
        `(${CLIENTS} clients + ${INCIDENTS.toLocaleString('en-US')} incidents; its change log also carries each row's audit entry), timed from ` +
        '`sync.login` to the end of `syncNow()`, into a store with WAL and synchronous=FULL. PouchDB 9 with express-pouchdb 4 on express 4, default ' +
        `replication (batches of 100), the same rows as documents; leveldb on both ends is PouchDB's Node default (no fsync per write), memory is memdown. ` +
        `All servers on loopback in this process. ${ROUNDS} interleaved rounds: p50 = median, p99 column = slowest; ops/s = rows per second at the median.`,
      rows: [ours, level, memory],
      ratios: [
        ratio(level, 'on leveldb'),
        ratio(memory, 'in memory'),
        `PouchDB in memory here: ${ms(memory.p50Ms)} vs the ~${ms(POUCH_ELSEWHERE_MS)} measured elsewhere (${(memory.p50Ms / POUCH_ELSEWHERE_MS).toFixed(2)}×)`,
        load(),
      ],
    };
  } finally {
    for (const server of pouchServers.values()) await server.close();
    await vangnet.close();
  }
}
