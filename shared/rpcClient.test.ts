import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RpcRequest } from './rpc';
import { createRpcClient } from './rpcClient';

/** A link that records what was sent. */
function fakeLink() {
  const sent: RpcRequest[] = [];
  return { sent, send: (request: RpcRequest) => void sent.push(request) };
}

afterEach(() => vi.useRealTimers());

describe('the shared RPC client', () => {
  it('queues calls until a link is attached, sends them in order and resolves by id', async () => {
    const client = createRpcClient();
    const first = client.api.app.info({});
    const second = client.api.clients.list({ search: 'x' });
    const link = fakeLink();
    client.attach(link);
    expect(link.sent.map((r) => [r.id, r.name, r.args])).toEqual([
      [1, 'app.info', {}],
      [2, 'clients.list', { search: 'x' }],
    ]);
    client.receive({ kind: 'result', id: 2, result: { ok: true, value: [] } });
    client.receive({ kind: 'result', id: 1, result: { ok: true, value: { version: '1' } } });
    await expect(second).resolves.toEqual({ ok: true, value: [] });
    await expect(first).resolves.toMatchObject({ ok: true });
  });

  it('fails calls in flight with not_ready when the link goes, keeps the waiting ones, and says restarted', async () => {
    const client = createRpcClient();
    const heard: string[] = [];
    client.api.onLink((event) => heard.push(event));
    const before = fakeLink();
    client.attach(before);
    const inFlight = client.api.sync.now({});
    client.detach();
    await expect(inFlight).resolves.toEqual({ ok: false, error: expect.objectContaining({ code: 'not_ready', key: 'call.connectionLost' }) });
    const waiting = client.api.profile.get({});
    const after = fakeLink();
    client.attach(after);
    expect(after.sent.map((r) => r.name)).toEqual(['profile.get']);
    client.receive({ kind: 'result', id: after.sent[0]!.id, result: { ok: true, value: null } });
    await expect(waiting).resolves.toEqual({ ok: true, value: null });
    expect(heard).toEqual(['connected', 'lost', 'connected', 'restarted']);
    // A listener added while connected hears so at once.
    const late: string[] = [];
    client.api.onLink((event) => late.push(event));
    expect(late).toEqual(['connected']);
  });

  it('treats a new link while one is up as a restart', async () => {
    const client = createRpcClient();
    const heard: string[] = [];
    client.attach(fakeLink());
    const inFlight = client.api.app.info({});
    client.api.onLink((event) => heard.push(event));
    client.attach(fakeLink());
    await expect(inFlight).resolves.toMatchObject({ ok: false, error: { code: 'not_ready' } });
    expect(heard).toEqual(['connected', 'lost', 'connected', 'restarted']);
  });

  it('fails a call that waited too long for a link, and one whose arguments cannot be carried', async () => {
    vi.useFakeTimers();
    const client = createRpcClient({ queueTimeoutMs: 1_000 });
    const waiting = client.api.app.info({});
    vi.advanceTimersByTime(1_000);
    await expect(waiting).resolves.toEqual({ ok: false, error: expect.objectContaining({ code: 'not_ready', key: 'call.unreachable' }) });
    client.attach({
      send: () => {
        throw new Error('could not be cloned');
      },
    });
    await expect(client.api.app.info({})).resolves.toMatchObject({ ok: false, error: { code: 'invalid_args' } });
  });

  it('delivers known events to their listeners, isolates a throwing one and drops what acceptEvent refuses', () => {
    const errors: string[] = [];
    const client = createRpcClient({
      acceptEvent: (name, payload) => ((payload as { tables?: unknown }).tables ? payload : undefined),
      onListenerError: (name) => errors.push(name),
    });
    const heard: unknown[] = [];
    client.api.on('data.changed', () => {
      throw new Error('broken listener');
    });
    const off = client.api.on('data.changed', (payload) => heard.push(payload));
    client.receive({ kind: 'event', name: 'data.changed', payload: { tables: ['clients'] } });
    client.receive({ kind: 'event', name: 'data.changed', payload: { nope: true } });
    client.receive({ kind: 'event', name: 'not.an.event', payload: {} });
    client.receive('garbage');
    client.emit('data.changed', { tables: ['incidents'] });
    off();
    client.receive({ kind: 'event', name: 'data.changed', payload: { tables: ['audit'] } });
    expect(heard).toEqual([{ tables: ['clients'] }, { tables: ['incidents'] }]);
    expect(errors).toEqual(['data.changed', 'data.changed', 'data.changed']);
    expect(() => client.api.on('nope' as 'data.changed', () => undefined)).toThrow(/Unknown event/);
  });

  it('ignores a result for an id it never sent', async () => {
    const client = createRpcClient();
    const link = fakeLink();
    client.attach(link);
    const call = client.api.app.info({});
    client.receive({ kind: 'result', id: 99, result: { ok: true, value: 'wrong' } });
    client.receive({ kind: 'result', id: link.sent[0]!.id, result: { ok: true, value: 'right' } });
    await expect(call).resolves.toEqual({ ok: true, value: 'right' });
  });
});
