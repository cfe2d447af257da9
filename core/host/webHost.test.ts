import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RpcServerMessage } from '../../shared/rpc';
import { tempDataDir, testEngine } from '../testSupport';
import { engineTarget } from './engineHost';
import { startWebHost } from './webHost';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start() {
  const { engine } = testEngine();
  const rendererDir = tempDataDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Vangnet</title>');
  const host = await startWebHost({ target: engineTarget(engine), rendererDir, port: 0 });
  cleanups.push(
    () => engine.close(),
    () => host.close(),
  );
  const socket = new WebSocket(`${host.url.replace('http', 'ws')}/rpc`);
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
