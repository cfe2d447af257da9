import net from 'node:net';
import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../shared/hlc';
import { startTestServer, type TestServer } from '../testSupport';
import { HEAVY_IN_FLIGHT_MAX, HEAVY_QUEUE_MAX } from './loadShedding';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const CONNECTIONS = 50;

interface RawResponse {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/**
 * A kept-alive HTTP/1.1 connection written to by hand: a round's requests are all written in one
 * synchronous loop, so they reach the server together, as from many laptops at once (fetch would
 * open and reuse connections on its own schedule).
 */
async function rawConnection(url: string) {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  await new Promise((resolve) => socket.once('connect', resolve));
  let buffered = Buffer.alloc(0);
  let pending: ((res: RawResponse) => void) | null = null;
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    const headEnd = buffered.indexOf('\r\n\r\n');
    if (headEnd < 0 || !pending) return;
    const [statusLine, ...lines] = buffered.subarray(0, headEnd).toString().split('\r\n');
    const headers = new Map(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
    const length = Number(headers.get('content-length'));
    if (buffered.length < headEnd + 4 + length) return;
    const body = buffered.subarray(headEnd + 4, headEnd + 4 + length).toString();
    buffered = buffered.subarray(headEnd + 4 + length);
    const resolve = pending;
    pending = null;
    resolve({ status: Number(statusLine!.split(' ')[1]), headers, body });
  });
  return {
    /** Writes the request now; the promise settles with the response. */
    get(path: string, token?: string): Promise<RawResponse> {
      const auth = token ? `authorization: Bearer ${token}\r\n` : '';
      socket.write(`GET ${path} HTTP/1.1\r\nhost: ${hostname}\r\n${auth}\r\n`);
      return new Promise((resolve) => (pending = resolve));
    },
    close: () => socket.destroy(),
  };
}
const PAGE = 100;

describe('load shedding', () => {
  it('keeps /healthz answering while 50 connections pull pages; shed pulls get 503 + Retry-After, the others are correct', async () => {
    server = await startTestServer('sqlite');
    const url = server.url;
    const paired = await fetch(`${url}/sync/v1/pair`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: await server.engineer('Sanne'), clientId: 'laptopA', deviceName: 'test' }),
    });
    const { token } = (await paired.json()) as { token: string };
    const mutations = Array.from({ length: 400 }, (_, i) => ({
      mutationId: i + 1,
      name: 'client.create',
      args: { id: uuidv4(), name: `Klant ${i}`, code: `K${i}` },
      hlc: formatHlc({ wallMs: Date.now(), counter: i, node: 'laptopA' }),
    }));
    const pushed = await fetch(`${url}/sync/v1/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'laptopA', mutations }),
    });
    expect(pushed.status).toBe(200);
    const connections = await Promise.all(Array.from({ length: CONNECTIONS + 1 }, () => rawConnection(url)));
    const health = connections.pop()!;
    // Every page of the log as one quiet client gets it.
    const pages: { after: number; body: unknown }[] = [];
    for (let after = 0, more = true; more;) {
      const body = JSON.parse((await health.get(`/sync/v1/pull?after=${after}&limit=${PAGE}`, token)).body) as {
        cursor: number;
        hasMore: boolean;
      };
      pages.push({ after, body });
      ({ cursor: after, hasMore: more } = body);
    }

    // Each connection wants one page. In rounds, every connection still waiting asks at once and a
    // health check follows them; a shed connection asks again next round (in place of Retry-After).
    let waiting = connections.map((connection, i) => ({ connection, page: pages[i % pages.length]! }));
    let shed = 0;
    const servedBeforeHealth: number[] = [];
    const shedPerRound: number[] = [];
    while (waiting.length > 0) {
      let served = 0;
      const pulls = waiting.map(async (wants) => {
        const res = await wants.connection.get(`/sync/v1/pull?after=${wants.page.after}&limit=${PAGE}`, token);
        if (res.status === 503) {
          expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
          expect(JSON.parse(res.body)).toMatchObject({ code: 'unavailable' });
          shed += 1;
          return wants;
        }
        served += 1;
        expect(res.status).toBe(200);
        expect(JSON.parse(res.body)).toEqual(wants.page.body);
        return null;
      });
      const healthy = health.get('/healthz').then((res) => {
        servedBeforeHealth.push(served);
        return res.status;
      });
      expect(await healthy).toBe(200);
      waiting = (await Promise.all(pulls)).filter((wants) => wants !== null);
      shedPerRound.push(waiting.length);
    }

    // A health check waits behind the few heavy requests admitted, never behind the whole queue.
    expect(Math.max(...servedBeforeHealth)).toBeLessThanOrEqual(HEAVY_IN_FLIGHT_MAX);
    // The first burst: a few run, a bounded queue waits, the rest are sent away at once.
    expect(shedPerRound[0]).toBe(CONNECTIONS - HEAVY_IN_FLIGHT_MAX - HEAVY_QUEUE_MAX);
    for (const connection of [...connections, health]) connection.close();
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain(`vangnet_http_shed_total{route="/sync/v1/pull"} ${shed}`);
  });
});
