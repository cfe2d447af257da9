import { afterEach, describe, expect, it } from 'vitest';
import { v4 as uuidv4 } from 'uuid';
import { formatHlc } from '../../shared/hlc';
import { DIALECTS, startTestServer, type TestServer } from '../testSupport';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const T0 = Date.parse('2026-03-02T09:00:00Z');
const hlc = (ms: number, node = 'laptopA') => formatHlc({ wallMs: ms, counter: 0, node });

async function pair(s: TestServer, clientId = 'laptopA') {
  const code = await s.engineer('Sanne');
  const res = await fetch(`${s.url}/sync/v1/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, clientId, deviceName: 'test' }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { token: string };
  return (path: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${s.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${body.token}`, 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
}

describe.each(DIALECTS)('push and pull on %s', (dialect) => {
  it('applies each mutation once, skips replays, refuses gaps', async () => {
    server = await startTestServer(dialect, () => T0 + 1000);
    const api = await pair(server);
    const clientId = uuidv4();
    const m1 = { mutationId: 1, name: 'client.create', args: { id: clientId, name: 'Acme', code: 'ACME' }, hlc: hlc(T0) };
    const m2 = {
      mutationId: 2,
      name: 'incident.create',
      args: { id: uuidv4(), clientId, title: 'Down', priority: 'P1' },
      hlc: hlc(T0 + 1),
    };
    const first = await api('/sync/v1/push', { method: 'POST', body: { clientId: 'laptopA', mutations: [m1, m2] } });
    expect(await first.json()).toMatchObject({ lastMutationId: 2, applied: 2, skipped: 0, rejected: [] });
    const replay = await api('/sync/v1/push', { method: 'POST', body: { clientId: 'laptopA', mutations: [m1, m2] } });
    expect(await replay.json()).toMatchObject({ lastMutationId: 2, applied: 0, skipped: 2 });
    const gap = await api('/sync/v1/push', { method: 'POST', body: { clientId: 'laptopA', mutations: [{ ...m2, mutationId: 4 }] } });
    expect(gap.status).toBe(409);
    expect(gap.headers.get('content-type')).toContain('application/problem+json');
    expect(await gap.json()).toMatchObject({ code: 'gap' });
    const pulled = (await (await api('/sync/v1/pull?after=0')).json()) as { changes: { table: string }[]; lastMutationId: number };
    expect(pulled.lastMutationId).toBe(2);
    expect(pulled.changes.map((c) => c.table).sort()).toEqual(['audit', 'audit', 'clients', 'engineers', 'incidents']);
  });

  it('records a mutation that can never apply and hands back the rows it touched', async () => {
    server = await startTestServer(dialect, () => T0 + 1000);
    const api = await pair(server);
    const bad = {
      mutationId: 1,
      name: 'incident.create',
      args: { id: uuidv4(), clientId: uuidv4(), title: 'x', priority: 'P1' },
      hlc: hlc(T0),
    };
    const unknown = { mutationId: 2, name: 'no.such', args: {}, hlc: hlc(T0 + 1) };
    const res = (await (
      await api('/sync/v1/push', { method: 'POST', body: { clientId: 'laptopA', mutations: [bad, unknown] } })
    ).json()) as {
      rejected: { mutationId: number; error: { code: string; key?: string; params?: Record<string, unknown> }; rows: unknown[] }[];
      lastMutationId: number;
    };
    expect(res.lastMutationId).toBe(2);
    expect(res.rejected.map((r) => [r.mutationId, r.error.code])).toEqual([
      [1, 'not_found'],
      [2, 'unknown_call'],
    ]);
    expect(res.rejected[0]!.rows).toHaveLength(2);
    // The reply was lost and the laptop pushes again: the refusals are repeated, not forgotten.
    const retry = (await (
      await api('/sync/v1/push', { method: 'POST', body: { clientId: 'laptopA', mutations: [bad, unknown] } })
    ).json()) as typeof res & { skipped: number };
    expect(retry.skipped).toBe(2);
    expect(retry.rejected.map((r) => r.mutationId)).toEqual([1, 2]);
    // Said again with the same key and params, so the laptop translates the repeat like the first.
    const why = (r: (typeof res.rejected)[number]) => ({ code: r.error.code, key: r.error.key, params: r.error.params });
    expect(res.rejected.map(why)).toEqual([
      { code: 'not_found', key: 'client.unknown', params: { id: bad.args.clientId } },
      { code: 'unknown_call', key: 'call.unknownMutation', params: { name: 'no.such' } },
    ]);
    expect(retry.rejected.map(why)).toEqual(res.rejected.map(why));
    const stored = await server.store.db.selectFrom('rejections').select(['error_key', 'error_params']).orderBy('mutation_id').execute();
    expect(stored[0]).toEqual({ error_key: 'client.unknown', error_params: JSON.stringify({ id: bad.args.clientId }) });
  });

  it('refuses ill-formed text (a lone UTF-16 surrogate) in a pushed mutation alone', async () => {
    server = await startTestServer(dialect, () => T0 + 1000);
    const api = await pair(server);
    const clientId = uuidv4();
    const create = (mutationId: number, title: string) => ({
      mutationId,
      name: 'incident.create',
      args: { id: uuidv4(), clientId, title, priority: 'P2' },
      hlc: hlc(T0 + mutationId),
    });
    const mutations = [
      { mutationId: 1, name: 'client.create', args: { id: clientId, name: 'Acme', code: 'ACME' }, hlc: hlc(T0) },
      create(2, 'Website \ud800 plat'),
      create(3, 'Mail traag'),
    ];
    const res = (await (await api('/sync/v1/push', { method: 'POST', body: { clientId: 'laptopA', mutations } })).json()) as {
      applied: number;
      rejected: { mutationId: number; error: { code: string } }[];
    };
    expect(res.applied).toBe(2);
    expect(res.rejected.map((r) => [r.mutationId, r.error.code])).toEqual([[2, 'invalid_args']]);
    const titles = await server.store.db.selectFrom('incidents').select('title').execute();
    expect(titles.map((t) => t.title)).toEqual(['Mail traag']);
  });

  it('refuses a mutation stamped more than five minutes ahead, and a client id of another device', async () => {
    server = await startTestServer(dialect, () => T0);
    const api = await pair(server);
    const ahead = { mutationId: 1, name: 'client.create', args: { id: uuidv4(), name: 'A', code: 'AA' }, hlc: hlc(T0 + 6 * 60_000) };
    const skew = await api('/sync/v1/push', { method: 'POST', body: { clientId: 'laptopA', mutations: [ahead] } });
    expect(skew.status).toBe(409);
    expect(await skew.json()).toMatchObject({ code: 'clock_skew' });
    const other = await api('/sync/v1/push', { method: 'POST', body: { clientId: 'laptopB', mutations: [{ ...ahead, hlc: hlc(T0) }] } });
    expect(other.status).toBe(403);
  });

  it('answers bad tokens, malformed and oversized bodies with problems, and keeps serving', async () => {
    server = await startTestServer(dialect);
    const api = await pair(server);
    const noAuth = await fetch(`${server.url}/sync/v1/pull`);
    expect(noAuth.status).toBe(401);
    const wrong = await fetch(`${server.url}/sync/v1/pull`, { headers: { authorization: 'Bearer vgt_nope' } });
    expect(wrong.status).toBe(401);
    const malformed = await api('/sync/v1/push', { method: 'POST', body: { clientId: 'laptopA', mutations: 'lots' } });
    expect(malformed.status).toBe(400);
    const huge = await api('/sync/v1/push', {
      method: 'POST',
      body: { clientId: 'laptopA', mutations: [{ mutationId: 1, name: 'x', args: 'a'.repeat(5_000_000), hlc: 'x' }] },
    });
    expect(huge.status).toBe(413);
    expect((await api('/sync/v1/pull?after=0')).status).toBe(200);
  });
});
