import { Bench } from 'tinybench';
import { dispatch } from '../../core/engine/dispatch';
import { openEngine } from '../../core/engine/engine';
import { tempDataDir } from '../../core/testSupport';
import { loadGenerated } from '../fixtures/dataGenerator';
import { type BenchRow, type BenchSection, taskRow } from './report';

/** The first page of the incident list as the UI asks for it, over a store of 20k incidents. */
export async function benchIncidentList(): Promise<BenchSection> {
  const engine = openEngine({ dataDir: tempDataDir() });
  engine.ensureProfile('Bench');
  loadGenerated(engine, { seed: 3, clients: 40, incidents: 20_000 });
  const bench = new Bench({ time: 2000, warmupTime: 200 });
  bench.add('incidents.list first page (100 rows, sort by priority)', async () => {
    await dispatch(engine, 'incidents.list', { limit: 100 });
  });
  bench.add('incidents.list filtered (P1+P2, search "traag")', async () => {
    await dispatch(engine, 'incidents.list', { limit: 100, priorities: ['P1', 'P2'], search: 'traag' });
  });
  await bench.run();
  const rows: BenchRow[] = bench.tasks.map(taskRow);
  engine.close();
  return {
    title: 'Incident list query (20,000 incidents)',
    note: 'Through the contract (validation included), as the renderer calls it. No peer yet; the SLA-sorted list arrives with issue 4.',
    rows,
    ratios: [`p99 of the first page: ${rows[0]!.p99Ms.toFixed(2)} ms`],
  };
}
