import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testSupport';
import { FAILURE_WINDOW_MS, MAX_FAILURES } from './authGuard';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function pair(s: TestServer, code: string, clientId: string) {
  return fetch(`${s.url}/sync/v1/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, clientId, deviceName: 'test' }),
  });
}

function pull(s: TestServer, token: string) {
  return fetch(`${s.url}/sync/v1/pull?after=0`, { headers: { authorization: `Bearer ${token}` } });
}

/** Spends the address's whole failure budget and one more, with unknown tokens. */
async function exhaustBudget(s: TestServer): Promise<Response> {
  for (let i = 0; i < MAX_FAILURES; i += 1) expect((await pull(s, `wrong-${i}`)).status).toBe(401);
  return pull(s, 'wrong-again');
}

describe('failed attempts per address (one office behind one NAT address)', () => {
  it('keeps accepting valid tokens and pairing codes from an address over its failure budget', async () => {
    server = await startTestServer('sqlite');
    const paired = (await (await pair(server, await server.engineer('Sanne'), 'laptopA')).json()) as { token: string };
    const refused = await exhaustBudget(server);
    expect(refused.status).toBe(429);

    expect((await pull(server, paired.token)).status).toBe(200);
    const colleague = await pair(server, await server.engineer('Joris'), 'laptopB');
    expect(colleague.status).toBe(200);
    const { token } = (await colleague.json()) as { token: string };
    expect((await pull(server, token)).status).toBe(200);
    // The guesser is still refused.
    expect((await pair(server, 'AAAA-BBBB-CCCC', 'guess')).status).toBe(429);
  });

  it('answers failures beyond the budget 429 with Retry-After and RateLimit headers, and stops logging them', async () => {
    server = await startTestServer('sqlite');
    const first = await pull(server, 'wrong');
    expect(first.status).toBe(401);
    expect(first.headers.get('ratelimit-limit')).toBe(String(MAX_FAILURES));
    expect(first.headers.get('ratelimit-remaining')).toBe(String(MAX_FAILURES - 1));
    for (let i = 1; i < MAX_FAILURES; i += 1) expect((await pull(server, 'wrong')).status).toBe(401);

    const refused = await pull(server, 'wrong');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.json()).toMatchObject({ status: 429, code: 'rate_limited' });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(FAILURE_WINDOW_MS / 1000);
    expect(refused.headers.get('ratelimit-limit')).toBe(String(MAX_FAILURES));
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(refused.headers.get('ratelimit-reset'))).toBe(retryAfter);

    // Pairing guesses share the budget of the address.
    expect((await pair(server, 'AAAA-BBBB-CCCC', 'guess')).status).toBe(429);
    const events = await server.store.db.selectFrom('auth_events').select('kind').execute();
    expect(events).toHaveLength(MAX_FAILURES);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/vangnet_auth_rate_limited_total\{kind="token"\} 1\b/);
    expect(metrics).toMatch(/vangnet_auth_rate_limited_total\{kind="pairing"\} 1\b/);
  });
});
