import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openEngine } from '../../core/engine/engine';
import { seedDemo } from '../../core/demo/seed';
import { tempDataDir } from '../../core/testSupport';
import { startServerProcess } from '../../server/testSupport';
import { REFERENCE_CACHE_FILE } from '../../core/sla/referenceCache';
import type { BenchRow, BenchSection } from './report';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PRELOAD = path.join(ROOT, 'test/bench/cpuReport.mjs');
const RUNS = 15;

interface Sample {
  cpuMs: number;
  wallMs: number;
}

/** One process to its exit: its own CPU time (from the preload) and the wall time the parent saw. */
function runOnce(args: string[]): Sample {
  const report = path.join(os.tmpdir(), `vangnet-startup-${process.pid}.json`);
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', PRELOAD, ...args], {
    cwd: ROOT,
    env: { ...process.env, VANGNET_BENCH_REPORT: report, VANGNET_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.toString()}`);
  const { cpuMs } = JSON.parse(fs.readFileSync(report, 'utf8')) as Sample;
  fs.rmSync(report);
  return { cpuMs, wallMs };
}

/** `vangnet-server serve --port 0` until its first `/healthz` answers 200, then killed. */
async function serverToHealthz(dataDir: string): Promise<Sample> {
  const started = performance.now();
  const server = await startServerProcess(['--data', dataDir], [], { env: { VANGNET_LOG_LEVEL: 'silent' } });
  try {
    const res = await fetch(`${server.url}/healthz`);
    if (res.status !== 200) throw new Error(`/healthz answered ${res.status}`);
    return { cpuMs: NaN, wallMs: performance.now() - started };
  } finally {
    server.stop();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

function row(name: string, samples: Sample[], measure: keyof Sample): BenchRow {
  const values = samples.map((s) => s[measure]);
  const p50 = percentile(values, 0.5);
  return {
    name: `${name} (${measure === 'cpuMs' ? 'CPU' : 'wall'})`,
    opsPerSec: 1000 / p50,
    p50Ms: p50,
    p99Ms: percentile(values, 0.99),
    samples: values.length,
  };
}

/**
 * Start-up of the installed commands against `node -e 0` (the peer: Node starting and doing
 * nothing, the floor no command can go under). Each case runs as a fresh process, one after the
 * other, `RUNS` times; CPU time is the process's own (user + system), wall time is spawn to exit
 * as the parent sees it. The bins run their esbuild bundles (dist/bin/, rebuilt first if stale).
 */
export async function benchStartup(): Promise<BenchSection> {
  const home = tempDataDir();
  const engine = openEngine({ dataDir: home });
  engine.ensureProfile(os.userInfo().username || 'engineer');
  const seeded = seedDemo(engine, { seed: 2026, clients: 12, incidents: 300 });
  engine.close();
  // A stale bundle is rebuilt on the first run; that run is not measured.
  spawnSync(process.execPath, [path.join(ROOT, 'bin/vangnet.mjs'), '--version'], { cwd: ROOT, stdio: 'ignore' });

  const cli = path.join(ROOT, 'bin/vangnet.mjs');
  const list = [cli, '--home', home, 'incident', 'list', '--json'];
  const listName = `vangnet incident list --json (demo store: ${seeded.incidents} incidents)`;
  const dropCache = () => fs.rmSync(path.join(home, REFERENCE_CACHE_FILE), { force: true });
  // name, arguments, what to do before each run
  const cases: [string, string[], (() => void)?][] = [
    ['node -e 0', ['-e', '0']],
    ['vangnet --version', [cli, '--version']],
    [`${listName}, first run: no SLA reference cache yet`, list, dropCache],
    // After the first-run case, which leaves the cache written.
    [listName, list],
  ];
  const samples = new Map<string, Sample[]>(cases.map(([name]) => [name, []]));
  const loadBefore = os.loadavg()[0]!;
  // Interleaved, so a burst of load elsewhere on the machine falls on every case alike.
  for (let i = 0; i < RUNS; i++)
    for (const [name, args, before] of cases) {
      before?.();
      samples.get(name)!.push(runOnce(args));
    }
  const serverSamples: Sample[] = [];
  for (let i = 0; i < RUNS; i++)
    serverSamples.push(await serverToHealthz(fs.mkdtempSync(path.join(os.tmpdir(), 'vangnet-startup-server-'))));

  const rows: BenchRow[] = [];
  for (const [name] of cases) rows.push(row(name, samples.get(name)!, 'cpuMs'), row(name, samples.get(name)!, 'wallMs'));
  const serverName = 'vangnet-server serve (SQLite) → first /healthz 200';
  rows.push(row(serverName, serverSamples, 'wallMs'));

  const median = (name: string, measure: keyof Sample) =>
    percentile(
      samples.get(name)!.map((s) => s[measure]),
      0.5,
    );
  const peer = cases[0]![0];
  const ratios = cases.slice(1).map(([name]) => {
    const cpu = median(name, 'cpuMs') / median(peer, 'cpuMs');
    const wall = median(name, 'wallMs') / median(peer, 'wallMs');
    const target = name === listName ? ' (target: 2.5×)' : '';
    return `${name}: ${cpu.toFixed(2)}× the CPU time and ${wall.toFixed(2)}× the wall time of node -e 0${target}`;
  });
  const serverP50 = percentile(
    serverSamples.map((s) => s.wallMs),
    0.5,
  );
  ratios.push(
    `${serverName}: ${serverP50.toFixed(0)} ms (target ≤ 1,000 ms), ${(serverP50 / median(peer, 'wallMs')).toFixed(2)}× node -e 0's wall time`,
  );
  return {
    title: 'Start-up: the CLI and the office server vs node -e 0',
    note:
      `Fresh processes, ${RUNS} runs per case, interleaved; medians. CPU is the process's user + system time from its start ` +
      "(Node's bootstrap included, read by a preload that the peer gets too); wall is spawn to exit as the parent sees it. " +
      `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}, ` +
      `load average ${loadBefore.toFixed(1)} at the start and ${os.loadavg()[0]!.toFixed(1)} at the end. ` +
      `The CLI keeps the SLA reference data (zone tables, public holidays) in the data folder (core/sla/referenceCache.ts); the first-run case deletes it before each run. ` +
      'The CLI runs from dist/bin/vangnet.cjs with V8\'s code cache (bin/bundled.mjs), written by the unmeasured first run. ' +
      'For comparison, before issue 10 §6 (2026-12-02, load average 17): incident list 5.73× node -e 0 in CPU, first /healthz after 3,993 ms.',
    rows,
    ratios,
  };
}
