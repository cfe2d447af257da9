import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RPC_SECRET_META, RPC_SECRET_PARAM, type RpcServerMessage, secretInPage } from '../../shared/rpc';
import { tempDataDir, testEngine } from '../testSupport';
import { engineTarget } from './engineHost';
import { startWebHost } from './webHost';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function startHost(_testOnlyHooks?: { setIdleSeconds(seconds: number): void }) {
  const { engine } = testEngine();
  const rendererDir = tempDataDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Vangnet</title></head></html>');
  fs.writeFileSync(path.join(rendererDir, 'app.js'), 'export {};');
  const host = await startWebHost({ target: engineTarget(engine), rendererDir, port: 0, _testOnlyHooks });
  cleanups.push(
    () => engine.close(),
    () => host.close(),
  );
  return host;
}

/** The secret from the page the host serves, as the renderer reads it. */
async function pageSecret(url: string): Promise<string> {
  const html = await (await fetch(`${url}/`)).text();
  const secret = secretInPage(html);
  if (!secret) throw new Error(`no secret in the page: ${html}`);
  return secret;
}

/** A GET with any Host header (fetch would not send a foreign one). */
function get(url: string, hostHeader: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { host: hostHeader } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

/** Tries to open the RPC socket; resolves 'open', or the HTTP status the upgrade was answered with. */
function tryOpen(url: string, headers: { origin?: string; host?: string }): Promise<'open' | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { ...(headers.origin ? { origin: headers.origin } : {}), headers: headers.host ? { host: headers.host } : {} });
    socket.once('open', () => {
      socket.close();
      resolve('open');
    });
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', (err) => reject(err));
  });
}

async function start() {
  const host = await startHost();
  const secret = await pageSecret(host.url);
  const socket = new WebSocket(`${host.url.replace('http', 'ws')}/rpc?secret=${secret}`, { origin: host.url });
  const messages: RpcServerMessage[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(data.toString()) as RpcServerMessage));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  cleanups.push(() => socket.close());
  const waitFor = async (pred: (m: RpcServerMessage) => boolean) => {
    for (let i = 0; i < 200; i += 1) {
      const found = messages.find(pred);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('no such message');
  };
  return { host, socket, messages, waitFor };
}

describe('who the development web host lets in', () => {
  it('serves the page with a fresh secret each run, never cached', async () => {
    const a = await startHost();
    const b = await startHost();
    const res = await fetch(`${a.url}/`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const [secretA, secretB] = [await pageSecret(a.url), await pageSecret(b.url)];
    expect(secretA).toMatch(/^[\w-]{43}$/);
    expect(secretA).not.toBe(secretB);
    expect(await (await fetch(`${a.url}/app.js`)).text()).toBe('export {};');
  });

  it('refuses a foreign Origin, a missing Origin, no secret, a wrong secret and a rebinding Host with 403', async () => {
    const host = await startHost();
    const secret = await pageSecret(host.url);
    const { port } = new URL(host.url);
    const rpc = `${host.url.replace('http', 'ws')}/rpc`;
    const cases: [string, string, { origin?: string; host?: string }][] = [
      ['foreign origin', `${rpc}?secret=${secret}`, { origin: 'http://evil.example' }],
      ['other local port', `${rpc}?secret=${secret}`, { origin: `http://127.0.0.1:${Number(port) + 1}` }],
      ['https look-alike', `${rpc}?secret=${secret}`, { origin: `https://127.0.0.1:${port}` }],
      ['no origin', `${rpc}?secret=${secret}`, {}],
      ['no secret', rpc, { origin: host.url }],
      ['empty secret', `${rpc}?secret=`, { origin: host.url }],
      ['wrong secret', `${rpc}?secret=${secret.slice(0, -1)}x`, { origin: host.url }],
      ['rebinding', `${rpc}?secret=${secret}`, { origin: `http://evil.example:${port}`, host: `evil.example:${port}` }],
      ['other path', `${host.url.replace('http', 'ws')}/other?secret=${secret}`, { origin: host.url }],
    ];
    for (const [what, url, headers] of cases) expect(await tryOpen(url, headers), what).toBe(403);
    expect(await tryOpen(`${rpc}?secret=${secret}`, { origin: host.url })).toBe('open');
    expect(await tryOpen(`${rpc}?secret=${secret}`, { origin: `http://localhost:${port}`, host: `localhost:${port}` })).toBe('open');
  });

  it('does not hand its page (and secret) to a rebinding Host', async () => {
    const host = await startHost();
    const { port } = new URL(host.url);
    const refused = await get(`${host.url}/`, `evil.example:${port}`);
    expect(refused.status).toBe(403);
    expect(refused.body).not.toContain(RPC_SECRET_META);
    expect((await get(`${host.url}/app.js`, `evil.example:${port}`)).status).toBe(403);
    expect((await get(`${host.url}/`, `localhost:${port}`)).body).toContain(RPC_SECRET_META);
  });
});

describe('development web host', () => {
  it('serves the renderer with a strict CSP', async () => {
    const { host } = await start();
    const res = await fetch(`${host.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('Vangnet');
  });

  it('speaks the contract over a WebSocket and pushes change events', async () => {
    const { socket, waitFor } = await start();
    socket.send(JSON.stringify({ kind: 'call', id: 7, name: 'clients.create', args: { name: 'Museum aan de Maas' } }));
    const reply = await waitFor((m) => m.kind === 'result' && m.id === 7);
    expect(reply).toMatchObject({ result: { ok: true, value: { name: 'Museum aan de Maas' } } });
    expect(await waitFor((m) => m.kind === 'event')).toEqual({ kind: 'event', name: 'data.changed', payload: { tables: ['clients'] } });
  });

  it('answers malformed messages with errors and keeps serving', async () => {
    const { socket, waitFor } = await start();
    socket.send('{not json');
    socket.send(JSON.stringify({ kind: 'call', id: 3, name: 42 }));
    socket.send(JSON.stringify({ kind: 'call', id: 4, name: 'clients.list', args: {} }));
    expect(await waitFor((m) => m.kind === 'result' && m.id === -1)).toMatchObject({
      result: { ok: false, error: { code: 'invalid_args' } },
    });
    expect(await waitFor((m) => m.kind === 'result' && m.id === 3)).toMatchObject({
      result: { ok: false, error: { code: 'invalid_args' } },
    });
    expect(await waitFor((m) => m.kind === 'result' && m.id === 4)).toMatchObject({ result: { ok: true, value: [] } });
  });
});

describe('the _testOnly idle hook', () => {
  it('exists only when the host is given test hooks, and only for a caller holding the secret', async () => {
    const plain = await startHost();
    expect((await fetch(`${plain.url}/_testOnly/idle?seconds=5`, { method: 'POST' })).status).toBe(404);

    const set: number[] = [];
    const hooked = await startHost({ setIdleSeconds: (s) => set.push(s) });
    const secret = await pageSecret(hooked.url);
    const hook = (query: string) => fetch(`${hooked.url}/_testOnly/idle?${query}`, { method: 'POST' }).then((r) => r.status);
    expect(await hook('seconds=5')).toBe(403);
    expect(await hook(`seconds=5&${RPC_SECRET_PARAM}=wrong`)).toBe(403);
    expect(await hook(`seconds=-1&${RPC_SECRET_PARAM}=${secret}`)).toBe(400);
    expect(await hook(`seconds=abc&${RPC_SECRET_PARAM}=${secret}`)).toBe(400);
    expect(await hook(`seconds=1200&${RPC_SECRET_PARAM}=${secret}`)).toBe(204);
    expect(set).toEqual([1200]);
  });
});
