import fc from 'fast-check';
import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../shared/hlc';
import { SYNC_BODY_MAX_BYTES } from '../../shared/sync/protocol';
import { startTestServer, type TestServer } from '../testSupport';
import { MAX_FAILURES } from './authGuard';
import { JSON_MAX_DEPTH, JSON_MAX_KEYS, checkedJsonText, scanJson } from './jsonBody';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('scanJson', () => {
  it('accepts every JSON document within the bounds, whatever its strings hold', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        const text = JSON.stringify(value);
        expect(() => scanJson(text)).not.toThrow();
      }),
      { numRuns: 300, seed: 9 },
    );
  });

  it('counts depth and members outside strings only, and pairs surrogate escapes', () => {
    expect(() => scanJson(nested(JSON_MAX_DEPTH))).not.toThrow();
    expect(() => scanJson(nested(JSON_MAX_DEPTH + 1))).toThrow(/deeper than 32/);
    expect(() => scanJson(JSON.stringify({ a: '[[[[{{{{'.repeat(40), 'b\\"[': '\\' }))).not.toThrow();
    expect(() => scanJson(`{${Array.from({ length: JSON_MAX_KEYS + 1 }, (_, i) => `"${i}":0`).join(',')}}`)).toThrow(/members/);
    expect(() => scanJson(`{"a":"x::::::::"}`)).not.toThrow();
    expect(() => scanJson('"\\ud83d\\ude00 \\u00e9 \\\\ud800"')).not.toThrow();
    for (const bad of ['"\\ud800"', '"\\udc00"', '"\\ud800\\u0041"', '"\\ud800x"', '"a\\uDBFF"']) {
      expect(() => scanJson(bad), bad).toThrow(/surrogate/);
    }
  });

  it('refuses bytes that are not UTF-8 instead of replacing them', () => {
    expect(checkedJsonText(Buffer.from('{"name":"café"}'))).toBe('{"name":"café"}');
    expect(() => checkedJsonText(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]))).toThrow(/UTF-8/);
    // An encoded surrogate (CESU-8) is not UTF-8 either.
    expect(() => checkedJsonText(Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]))).toThrow(/UTF-8/);
  });
});

async function pairedToken(s: TestServer): Promise<string> {
  const code = await s.engineer('Sanne');
  const res = await fetch(`${s.url}/sync/v1/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, clientId: 'laptopA', deviceName: 'test' }),
  });
  return ((await res.json()) as { token: string }).token;
}

function post(s: TestServer, path: string, body: string | Buffer, token?: string) {
  return fetch(`${s.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
}

/** A client name as raw JSON text between quotes (so escapes reach the server as sent). */
function pushOf(nameJson: string): string {
  const m = {
    mutationId: 1,
    name: 'client.create',
    args: { id: uuidv4(), name: '@', code: 'ACME' },
    hlc: formatHlc({ wallMs: Date.now(), counter: 0, node: 'laptopA' }),
  };
  return JSON.stringify({ clientId: 'laptopA', mutations: [m] }).replace('"@"', nameJson);
}

describe('JSON bodies over HTTP', () => {
  it('refuses a deep 4 MB pairing body at once with 400, counted as a failed attempt of the address', async () => {
    server = await startTestServer('sqlite');
    const deep = `{"code":${nested(SYNC_BODY_MAX_BYTES / 2 - 64)},"clientId":"x","deviceName":"x"}`;
    const first = await post(server, '/sync/v1/pair', deep);
    expect(first.status).toBe(400);
    expect(await first.json()).toMatchObject({ code: 'invalid_args', detail: expect.stringMatching(/deeper than/) });
    for (let i = 1; i < MAX_FAILURES; i += 1) expect((await post(server, '/sync/v1/pair', deep)).status).toBe(400);
    expect((await post(server, '/sync/v1/pair', deep)).status).toBe(429);
    const events = await server.store.db.selectFrom('auth_events').select(['kind', 'detail']).execute();
    expect(events).toHaveLength(MAX_FAILURES);
    expect(events[0]).toMatchObject({ kind: 'pairing_failed', detail: expect.stringMatching(/deeper than/) });
  });

  it('refuses invalid UTF-8 (everywhere) and lone surrogate escapes (REST, pair; push refuses the mutation alone) with 400, and stores nothing', async () => {
    server = await startTestServer('sqlite');
    const token = await pairedToken(server);
    const invalidUtf8 = (json: string) =>
      Buffer.concat([
        Buffer.from(json.slice(0, json.indexOf('@'))),
        Buffer.from([0xc3, 0x28]),
        Buffer.from(json.slice(json.indexOf('@') + 1)),
      ]);
    const refusals = [
      await post(server, '/api/v1/clients', invalidUtf8('{"name":"Bakkerij @","code":"BAKK"}'), token),
      await post(server, '/api/v1/clients', '{"name":"Bakkerij \\ud800","code":"BAKK"}', token),
      await post(server, '/sync/v1/push', invalidUtf8(pushOf('"Acme @"')), token),
      await post(server, '/sync/v1/pair', invalidUtf8('{"code":"AAAA-BBBB-CCCC","clientId":"x","deviceName":"@"}')),
      await post(server, '/sync/v1/pair', '{"code":"AAAA-BBBB-CCCC","clientId":"x","deviceName":"\\ud800"}'),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'invalid_args', detail: expect.stringMatching(/UTF-8|surrogate/) });
    }
    expect(await server.store.db.selectFrom('clients').select('id').execute()).toEqual([]);

    // A push is the exception: its mutation with a lone surrogate is refused alone by its schema, so
    // an old outbox entry never fails the whole push (and jams everything queued after it).
    const push = await post(server, '/sync/v1/push', pushOf('"Acme \\udfff"'), token);
    expect(push.status).toBe(200);
    expect(await push.json()).toMatchObject({ applied: 0, rejected: [{ mutationId: 1, error: { code: 'invalid_args' } }] });
    expect(await server.store.db.selectFrom('clients').select('id').execute()).toEqual([]);

    // Paired escapes and real UTF-8 are text like any other.
    const ok = await post(server, '/api/v1/clients', '{"name":"Bakkerij \\ud83c\\udf5e café","code":"BAKK"}', token);
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ name: 'Bakkerij 🍞 café' });
  });
});
