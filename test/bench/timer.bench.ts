import os from 'node:os';
import { Bench } from 'tinybench';
import { dispatch } from '../../core/engine/dispatch';
import { type Engine, openEngine } from '../../core/engine/engine';
import { getRowBy, insertRow } from '../../core/repos/rows';
import { tempDataDir } from '../../core/testSupport';
import { type BenchRow, type BenchSection, taskRow } from './report';

const ENTRIES = 10_000;

async function must<T>(p: Promise<{ ok: true; value: unknown } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

/** A client with one ticket; prepaid ones get a contract, a purchase and `entries` finished entries on that ticket. */
async function clientWithTicket(engine: Engine, code: string, prepaidEntries: number | null): Promise<string> {
  const client = await must<{ id: string }>(dispatch(engine, 'clients.create', { name: `Klant ${code}`, code }));
  if (prepaidEntries !== null) {
    const terms = await must<object>(dispatch(engine, 'contracts.template', { costModel: 'prepaid' }));
    await must(dispatch(engine, 'contracts.set', { clientId: client.id, effectiveFrom: '2020-01-01', terms }));
    await must(dispatch(engine, 'budget.buy', { clientId: client.id, minutes: 600_000, purchasedOn: '2026-01-01' }));
  }
  const ticket = await must<{ id: string }>(dispatch(engine, 'incidents.create', { clientId: client.id, title: 'Website traag', priority: 'P3' }));
  if (prepaidEntries) {
    const base = Date.parse('2026-03-01T00:00:00Z');
    const first = await must<{ entry: { id: string } }>(
      dispatch(engine, 'time.log', { incidentId: ticket.id, startedAt: new Date(base).toISOString(), minutes: 3 }),
    );
    const template = getRowBy(engine.db, 'timeEntries', 'id', first.entry.id)!;
    // As the statement bench: rows inserted as-is, the fill is not what is measured.
    engine.db.transaction(() => {
      for (let i = 1; i < prepaidEntries; i += 1) {
        const startedAt = new Date(base + i * 4 * 60_000).toISOString();
        const endedAt = new Date(base + i * 4 * 60_000 + 3 * 60_000).toISOString();
        insertRow(engine.db, 'timeEntries', { ...template, id: `bench-${code}-${i}`, startedAt, endedAt, createdAt: startedAt });
      }
    })();
  }
  return ticket.id;
}

/**
 * Starting and stopping a timer through the contract (what the timer button sends), against a
 * plain mutation commit through the same contract: `incidents.update` of a priority. A start and a
 * stop are two commits; `time.start` also asks the client's prepaid bundle whether it may (the
 * overrun policy), which reads the client's entries.
 */
export async function benchTimer(): Promise<BenchSection> {
  // Each reading of the clock moves it a second on: on a quiet machine a stop can fall in the same
  // millisecond as its start, which the engine rightly refuses (an entry must end after it starts).
  let clock = Date.now() - 30 * 24 * 3_600_000;
  const engine = openEngine({ dataDir: tempDataDir(), now: () => (clock += 1000) });
  engine.ensureProfile('Bench');
  const plain = await clientWithTicket(engine, 'ZONDER', null);
  const prepaid = await clientWithTicket(engine, 'BUNDEL', ENTRIES);
  const priorities = ['P2', 'P3'] as const;
  let flip = 0;
  const startStop = (incidentId: string) => async () => {
    await must(dispatch(engine, 'time.start', { incidentId }));
    await must(dispatch(engine, 'time.stop', {}));
  };

  const loadBefore = os.loadavg()[0]!;
  const bench = new Bench({ time: 3000, warmupTime: 300 });
  bench.add('incidents.update of the priority (peer: one mutation commit)', async () => {
    flip += 1;
    await must(dispatch(engine, 'incidents.update', { id: plain, priority: priorities[flip % 2] }));
  });
  bench.add('time.start + time.stop, client without a prepaid contract (two commits)', startStop(plain));
  bench.add(`time.start + time.stop, prepaid client with ${ENTRIES.toLocaleString('en-US')} entries (two commits)`, startStop(prepaid));
  await bench.run();
  const rows: BenchRow[] = bench.tasks.map(taskRow);
  engine.close();
  const [peer, noBundle, bundle] = rows as [BenchRow, BenchRow, BenchRow];
  const perCommit = (r: BenchRow) => (r.p50Ms / 2 / peer.p50Ms).toFixed(2);
  return {
    title: 'Timer start and stop vs a mutation commit',
    note:
      'Through the contract on a file store (WAL, synchronous=FULL), as the renderer sends them. A start and a stop are two commits, so each is ' +
      'compared with half the pair. Each start + stop leaves a finished entry, so the clients gain entries during the run (a few hundred). ' +
      `Run ${new Date().toISOString().slice(0, 10)} on this document's machine (${os.cpus().length} cores, shared with other work at the time: compare the ratios).`,
    rows,
    ratios: [
      `without a prepaid contract, each timer commit costs ${perCommit(noBundle)}× a plain mutation commit (p50)`,
      `on a prepaid client with ${ENTRIES.toLocaleString('en-US')} entries, each timer commit costs ${perCommit(bundle)}× a plain mutation commit (p50): time.start reads the bundle`,
      'before issue 11 §4 (commit f60eb61, measured the same way earlier the same day, 1-minute load about 15): 0.82× without a prepaid contract, 39.6× on the prepaid client: time.start computed every ' +
        "client's bundle from full entry rows, prepaid or not. It now skips clients without a prepaid contract and reads only the columns billing uses; " +
        'on a prepaid client it still reads every entry of the client (see the ratio above)',
      `machine load (1-minute average) ${loadBefore.toFixed(1)} at the start of the measurement, ${os.loadavg()[0]!.toFixed(1)} at its end, on ${os.cpus().length} cores`,
    ],
  };
}
