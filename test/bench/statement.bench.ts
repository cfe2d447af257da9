import os from 'node:os';
import { Bench } from 'tinybench';
import { dispatch } from '../../core/engine/dispatch';
import { openEngine } from '../../core/engine/engine';
import { getRowBy, insertRow } from '../../core/repos/rows';
import { tempDataDir } from '../../core/testSupport';
import { type BenchRow, type BenchSection, taskRow } from './report';

const ENTRIES = 10_000;
const TICKETS = 200;
const MONTH = '2026-03';
const TARGET_MS = 200;

async function must<T>(p: Promise<{ ok: true; value: unknown } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

/**
 * The month statement of a client with 10,000 time entries in that month (200 tickets, a prepaid
 * contract with a purchase), through the contract as the renderer asks for it: every entry of the
 * client read and parsed, rounded per ticket, the bundle before and after, the SLA outcome of the
 * client's incidents. The peer is the raw SQL read of the same entries (one prepared statement,
 * rows as plain objects): the floor any statement over them pays.
 */
export async function benchStatement(): Promise<BenchSection> {
  const engine = openEngine({ dataDir: tempDataDir(), now: () => Date.parse('2026-06-01T12:00:00Z') });
  engine.ensureProfile('Bench');
  const started = performance.now();
  const client = await must<{ id: string }>(dispatch(engine, 'clients.create', { name: 'Bakkerij de Vries', code: 'BAKKER' }));
  const terms = await must<object>(dispatch(engine, 'contracts.template', { costModel: 'prepaid' }));
  await must(dispatch(engine, 'contracts.set', { clientId: client.id, effectiveFrom: '2020-01-01', terms }));
  await must(dispatch(engine, 'budget.buy', { clientId: client.id, minutes: 600_000, purchasedOn: '2026-01-01' }));
  const tickets: string[] = [];
  for (let i = 0; i < TICKETS; i += 1) {
    const created = await must<{ id: string }>(
      dispatch(engine, 'incidents.create', { clientId: client.id, title: `Melding ${i}`, priority: (['P1', 'P2', 'P3', 'P4'] as const)[i % 4], openedAt: '2026-03-01T08:00:00Z' }),
    );
    tickets.push(created.id);
  }
  // One entry through the mutation, as a template; the other rows inserted as-is in one transaction
  // (10,000 committed mutations take minutes on a busy machine, and the fill is not what is measured).
  const base = Date.parse('2026-03-01T00:00:00Z');
  const first = await must<{ entry: { id: string } }>(
    dispatch(engine, 'time.log', { incidentId: tickets[0]!, startedAt: new Date(base).toISOString(), minutes: 3 }),
  );
  const template = getRowBy(engine.db, 'timeEntries', 'id', first.entry.id)!;
  engine.db.transaction(() => {
    for (let i = 1; i < ENTRIES; i += 1) {
      const startedAt = new Date(base + i * 4 * 60_000).toISOString();
      const endedAt = new Date(base + i * 4 * 60_000 + 3 * 60_000).toISOString();
      insertRow(engine.db, 'timeEntries', { ...template, id: `bench-${i}`, incidentId: tickets[i % TICKETS]!, startedAt, endedAt, createdAt: startedAt });
    }
  })();
  const loadMs = performance.now() - started;

  const loadBefore = os.loadavg()[0]!;
  const raw = engine.db.prepare('SELECT * FROM time_entries WHERE client_id = ? ORDER BY started_at, id');
  const bench = new Bench({ time: 3000, warmupTime: 300 });
  bench.add('raw SQL read of the same 10,000 entries (peer)', () => {
    raw.all(client.id);
  });
  bench.add('statement.forClient (10,000 entries, JSON)', async () => {
    await must(dispatch(engine, 'statement.forClient', { clientId: client.id, month: MONTH }));
  });
  bench.add('statement.export, CSV', async () => {
    await must(dispatch(engine, 'statement.export', { clientId: client.id, month: MONTH, format: 'csv', lang: 'en' }));
  });
  bench.add('statement.export, PDF (200 ticket lines, 6 pages)', async () => {
    await must(dispatch(engine, 'statement.export', { clientId: client.id, month: MONTH, format: 'pdf', lang: 'nl' }));
  });
  await bench.run();
  const rows: BenchRow[] = bench.tasks.map(taskRow);
  engine.close();
  const [peer, json] = rows;
  return {
    title: `Month statement (${ENTRIES.toLocaleString('en-US')} entries)`,
    note:
      `One client, ${ENTRIES.toLocaleString('en-US')} finished entries in ${MONTH} on ${TICKETS} tickets, through the contract (validation included). ` +
      `Client, contract, purchase, tickets and one entry through the ordinary mutations, the other entries inserted as rows in one transaction (${Math.round(loadMs / 1000)} s, not measured). ` +
      `Target: the statement ≤ ${TARGET_MS} ms. The peer is the raw SQL read of the same entries, in the same run. ` +
      `Run ${new Date().toISOString().slice(0, 10)} on this document's machine (${os.cpus().length} cores, shared with other work at the time: compare the ratio).`,
    rows,
    ratios: [
      `statement.forClient p50 ${json!.p50Ms.toFixed(1)} ms, p99 ${json!.p99Ms.toFixed(1)} ms (${(json!.p99Ms / TARGET_MS).toFixed(2)}× the ${TARGET_MS} ms target at p99)`,
      `statement.forClient costs ${(json!.p50Ms / peer!.p50Ms).toFixed(1)}× the raw SQL read of its entries (p50)`,
      'before issue 11 §3 (commit 6c01097, a quiet machine): p50 307 ms, 4.0× the raw SQL read. The statement now reads only the entry columns billing uses ' +
        '(not `field_versions`, the note, …), looks up a month\'s terms once instead of per entry, and checks stored entries without zod (the schema still words any refusal)',
      `machine load (1-minute average) ${loadBefore.toFixed(1)} at the start of the measurement, ${os.loadavg()[0]!.toFixed(1)} at its end, on ${os.cpus().length} cores`,
    ],
  };
}
