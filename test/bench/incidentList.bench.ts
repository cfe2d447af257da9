import { Bench } from 'tinybench';
import { dispatch } from '../../core/engine/dispatch';
import { openEngine } from '../../core/engine/engine';
import { tempDataDir } from '../../core/testSupport';
import { loadGenerated } from '../fixtures/dataGenerator';
import { type BenchRow, type BenchSection, taskRow } from './report';

const INCIDENTS = 100_000;
const TARGET_P95_MS = 5;
const OPEN = ['new', 'acknowledged', 'in_progress', 'waiting_on_client'] as const;

/**
 * The incident list as the renderer asks for it (through the contract, validation included), over
 * a store of 100,000 incidents with a realistic lifecycle (most old ones closed) and a contract per
 * client, sorted by time to breach. Each call also computes both clocks for the 100 rows it returns.
 */
export async function benchIncidentList(): Promise<BenchSection> {
  const engine = openEngine({ dataDir: tempDataDir() });
  engine.ensureProfile('Bench');
  const started = performance.now();
  loadGenerated(engine, { seed: 3, clients: 40, incidents: INCIDENTS });
  const loadMs = performance.now() - started;
  const someClient = (engine.db.prepare('SELECT id FROM clients LIMIT 1').get() as { id: string }).id;
  const cases: [string, Record<string, unknown>][] = [
    ['open incidents, sorted by time to breach (the default view)', { statuses: OPEN }],
    ['all incidents, sorted by time to breach', {}],
    ['breached only', { sla: 'breached' }],
    ['at risk only', { sla: 'at_risk' }],
    ['open P1 + P2', { statuses: OPEN, priorities: ['P1', 'P2'] }],
    ['one client, open', { statuses: OPEN, clientId: someClient }],
    ['search "traag" (title, client name or code)', { search: 'traag' }],
    ['search "traag" among open incidents (what the search box sends)', { search: 'traag', statuses: OPEN }],
    ['search "website onbereikbaar" (a longer phrase)', { search: 'website onbereikbaar' }],
    ['search "website" (a common word: one incident in nine)', { search: 'website' }],
  ];
  const bench = new Bench({ time: 1500, warmupTime: 200, retainSamples: true });
  for (const [name, query] of cases) {
    bench.add(name, async () => {
      await dispatch(engine, 'incidents.list', { limit: 100, ...query });
    });
  }
  await bench.run();
  const rows: BenchRow[] = bench.tasks.map(taskRow);
  engine.close();
  const p95 = (name: string) => {
    const task = bench.tasks.find((t) => t.name === name);
    if (task?.result.state !== 'completed' || !task.result.latency.samples) return NaN;
    const sorted = [...task.result.latency.samples].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN;
  };
  return {
    title: `Incident list query (${INCIDENTS.toLocaleString('en-US')} incidents)`,
    note:
      `First page of 100 rows through the contract, with both SLA clocks per row. The store was filled through the ordinary mutations ` +
      `(${Math.round(loadMs / 1000)} s, not measured). Target: p95 ≤ ${TARGET_P95_MS} ms in core.`,
    rows,
    ratios: cases.map(
      ([name]) => `${name}: p95 ${p95(name).toFixed(2)} ms (${(p95(name) / TARGET_P95_MS).toFixed(2)}× the ${TARGET_P95_MS} ms target)`,
    ),
  };
}
