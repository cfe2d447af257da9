import { spawn } from 'node:child_process';
import type { BenchSection } from './report';
import { latencyRow, loadWatch, ms, seededServer } from './syncSetup';

const PAGE = 1000;
const PASSES = 3;

/**
 * One pull page of 1,000 entries over HTTP, as a laptop asks for it: `GET /sync/v1/pull` on a
 * seeded SQLite server in this process, the body read as text. Pages walk the whole change log
 * (once as a bootstrap, once as plain pages), so every kind of row is in the sample.
 */
export async function benchPullPage(): Promise<BenchSection> {
  const load = loadWatch();
  const server = await seededServer({ clients: 500, incidents: 19_500 });
  try {
    const pair = await fetch(`${server.url}/sync/v1/pair`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: await server.engineer('Bench'), clientId: 'bench-laptop', deviceName: 'bench' }),
    });
    const { token } = (await pair.json()) as { token: string };
    const headers = { authorization: `Bearer ${token}` };
    const samples = { bootstrap: [] as number[], plain: [] as number[] };
    let bytes = 0;
    const cpu0 = process.cpuUsage();
    for (let pass = 0; pass < PASSES; pass += 1) {
      for (const kind of ['bootstrap', 'plain'] as const) {
        for (let after = 0, more = true; more;) {
          const t0 = performance.now();
          const res = await fetch(`${server.url}/sync/v1/pull?after=${after}&limit=${PAGE}${kind === 'bootstrap' ? '&bootstrap=1' : ''}`, {
            headers,
          });
          const text = await res.text();
          samples[kind].push(performance.now() - t0);
          if (res.status !== 200) throw new Error(`pull answered ${res.status}: ${text.slice(0, 200)}`);
          bytes += text.length;
          const page = JSON.parse(text) as { cursor: number; hasMore: boolean };
          ({ cursor: after, hasMore: more } = page);
        }
      }
    }
    const cpu = process.cpuUsage(cpu0);
    const pulls = samples.bootstrap.length + samples.plain.length;
    const bootstrap = latencyRow(`GET /sync/v1/pull, bootstrap pages of ${PAGE} (audit left out)`, samples.bootstrap);
    const plain = latencyRow(`GET /sync/v1/pull, plain pages of ${PAGE}`, samples.plain);
    return {
      title: 'Pull pages over HTTP (SQLite server)',
      note:
        `A SQLite server seeded with ${server.rows.toLocaleString('en-US')} rows through applyMutation (${server.changes.toLocaleString('en-US')} change entries, each row with its audit entry); ` +
        `one device pulls the whole log in pages of ${PAGE}, ${PASSES} times as a bootstrap and ${PASSES} times as plain pages, one request at a time; ` +
        'a sample is one GET until its body is read. Server and client share this process, on loopback. ops/s = pages per second.',
      rows: [bootstrap, plain],
      ratios: [
        `plain page p50 ${ms(plain.p50Ms)}, bootstrap page p50 ${ms(bootstrap.p50Ms)}; ${Math.round(bytes / pulls / 1024)} KiB per page on average`,
        `this process's CPU time per page (server + HTTP client) ${ms((cpu.user + cpu.system) / 1000 / pulls)}`,
        load(),
      ],
    };
  } finally {
    await server.close();
  }
}

const STORM_CONNECTIONS = 50;
/** Asks the URL in argv, one request after another, and prints each latency (ms) on a line. */
const PROBE = `(async () => { for (;;) { const t0 = performance.now(); await (await fetch(process.argv[1])).text(); process.stdout.write((performance.now() - t0) + '\\n'); } })()`;

/**
 * 50 connections pulling the whole log at once from `vangnet-server serve` (its own process, SQLite)
 * while a probe asks `/healthz` one request after another: how long a health check waits, and how
 * long pages take, when more laptops pull than the server can serve. Shed pulls wait Retry-After.
 */
export async function benchPullStorm(): Promise<BenchSection> {
  const load = loadWatch();
  const server = await seededServer({ clients: 250, incidents: 4_750 }, 'own-process');
  try {
    const pair = await fetch(`${server.url}/sync/v1/pair`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: await server.engineer('Storm'), clientId: 'storm-laptop', deviceName: 'storm' }),
    });
    const { token } = (await pair.json()) as { token: string };
    const headers = { authorization: `Bearer ${token}` };
    const pages: number[] = [];
    const health: number[] = [];
    let shed = 0;
    const puller = async () => {
      for (let after = 0, more = true; more;) {
        const t0 = performance.now();
        const res = await fetch(`${server.url}/sync/v1/pull?after=${after}&limit=${PAGE}`, { headers });
        const text = await res.text();
        if (res.status === 503) {
          shed += 1;
          const waitMs = Number(res.headers.get('retry-after')) * 1000 * (0.75 + Math.random() * 0.5);
          await new Promise((resolve) => setTimeout(resolve, waitMs));
          continue;
        }
        if (res.status !== 200) throw new Error(`pull answered ${res.status}: ${text.slice(0, 200)}`);
        pages.push(performance.now() - t0);
        ({ cursor: after, hasMore: more } = JSON.parse(text) as { cursor: number; hasMore: boolean });
      }
    };
    // The probe runs in a process of its own: this one is busy reading 50 connections' pages.
    const probe = spawn(process.execPath, ['-e', PROBE, `${server.url}/healthz`], { stdio: ['ignore', 'pipe', 'inherit'] });
    let probed = '';
    probe.stdout.on('data', (d: Buffer) => (probed += d.toString()));
    const t0 = performance.now();
    await Promise.all(Array.from({ length: STORM_CONNECTIONS }, puller));
    const wallMs = performance.now() - t0;
    const exited = new Promise((resolve) => probe.once('exit', resolve));
    probe.kill();
    await exited;
    health.push(...probed.split('\n').filter(Boolean).map(Number));
    const healthRow = latencyRow(`GET /healthz during the storm`, health);
    const pageRow = latencyRow(`GET /sync/v1/pull, pages of ${PAGE} served during the storm`, pages, pages.length / (wallMs / 1000));
    return {
      title: 'Health checks while 50 connections pull (SQLite server, own process)',
      note:
        `\`vangnet-server serve\` in a process of its own on a SQLite store seeded with ${server.rows.toLocaleString('en-US')} rows (${server.changes.toLocaleString('en-US')} change entries); ` +
        `${STORM_CONNECTIONS} connections each pull the whole log in pages of ${PAGE} at once, a shed pull (503) waits its Retry-After (jittered) and asks again; ` +
        'meanwhile one probe asks /healthz, one request after another. ops/s: health checks per second of their own time, pages per second of the storm.',
      rows: [healthRow, pageRow],
      ratios: [
        `/healthz p99 ${ms(healthRow.p99Ms)} while ${STORM_CONNECTIONS} connections pull; ${shed} pulls shed with 503 + Retry-After; the storm took ${ms(wallMs)} for ${pages.length} pages`,
        load(),
      ],
    };
  } finally {
    await server.close();
  }
}
