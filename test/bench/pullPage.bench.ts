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
