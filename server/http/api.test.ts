import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/common';
import { contractTemplate } from '../../shared/domain/contract';
import { DIALECTS, startTestServer, type TestServer } from '../testSupport';
import { MAX_FAILURES } from './authGuard';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A device token; the integration is a lead's unless told, so it may set contracts. */
async function tokenFor(s: TestServer, role: Role = 'lead'): Promise<string> {
  const code = await s.engineer('Integration Bot', `bot.${role}@agency.test`, role);
  const res = await fetch(`${s.url}/sync/v1/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, clientId: `integration-${role}`, deviceName: 'ci' }),
  });
  return ((await res.json()) as { token: string }).token;
}

describe.each(DIALECTS)('REST API on %s', (dialect) => {
  it('creates, lists, pages, reads and edits clients and incidents; writes are synced mutations', async () => {
    server = await startTestServer(dialect);
    const token = await tokenFor(server);
    const api = (path: string, method = 'GET', body?: unknown) =>
      fetch(`${server!.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    const created = await api('/api/v1/clients', 'POST', { name: 'Gemeente Oosterwold', code: 'OOSTW' });
    expect(created.status).toBe(201);
    const client = (await created.json()) as { id: string; code: string; fieldVersions?: unknown };
    expect(client.code).toBe('OOSTW');
    expect(client.fieldVersions).toBeUndefined();
    for (let i = 0; i < 3; i += 1) {
      const r = await api('/api/v1/incidents', 'POST', {
        clientId: client.id,
        title: `Melding ${i}`,
        priority: 'P3',
        openedAt: '2026-03-02T08:00:00Z',
      });
      expect(r.status).toBe(201);
    }
    const page1 = (await (await api('/api/v1/incidents?limit=2')).json()) as {
      items: { id: string; openedAt: string }[];
      nextCursor: string;
    };
    expect(page1.items).toHaveLength(2);
    expect(page1.items[0]!.openedAt).toBe('2026-03-02T08:00:00.000Z');
    const page2 = (await (await api(`/api/v1/incidents?limit=2&cursor=${page1.nextCursor}`)).json()) as {
      items: unknown[];
      nextCursor: null;
    };
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    const id = page1.items[0]!.id;
    const patched = await api(`/api/v1/incidents/${id}`, 'PATCH', { priority: 'P1' });
    expect(await patched.json()).toMatchObject({ id, priority: 'P1' });
    const changes = await server.store.db.selectFrom('changes').select('table_name').execute();
    expect(changes.filter((c) => c.table_name === 'incidents')).toHaveLength(3);
    const audit = await server.store.db.selectFrom('audit').select(['actor_name', 'mutation', 'entity']).execute();
    expect(audit.filter((a) => a.mutation === 'incident.update')).toEqual([
      { actor_name: 'Integration Bot', mutation: 'incident.update', entity: 'incident' },
      { actor_name: 'Integration Bot', mutation: 'incident.update', entity: 'incident_event' },
    ]);
  });

  it('sets a contract and returns incidents with their clocks; status changes take `at`', async () => {
    server = await startTestServer(dialect, () => Date.parse('2025-12-23T15:30:00Z'));
    const token = await tokenFor(server);
    const api = async (path: string, method = 'GET', body?: unknown) => {
      const res = await fetch(`${server!.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes are asserted field by field below
      return { status: res.status, body: (await res.json()) as Record<string, any> };
    };
    const client = (await api('/api/v1/clients', 'POST', { name: 'Zorgplein', code: 'ZORG' })).body;
    const contract = await api(`/api/v1/clients/${client.id}/contracts`, 'POST', {
      effectiveFrom: '2025-01-01',
      terms: contractTemplate('subscription'),
    });
    expect(contract.status).toBe(201);
    const incident = (
      await api('/api/v1/incidents', 'POST', { clientId: client.id, title: 'Traag', priority: 'P2', openedAt: '2025-12-23T15:00:00Z' })
    ).body;
    expect(incident.sla.resolution.dueAt).toBe('2025-12-29T15:00:00.000Z');
    const waiting = await api(`/api/v1/incidents/${incident.id}/status`, 'POST', { to: 'waiting_on_client', at: '2025-12-23T15:10:00Z' });
    expect(waiting.body.sla.resolution.state).toBe('paused');
    const early = await api(`/api/v1/incidents/${incident.id}/status`, 'POST', { to: 'in_progress', at: '2025-12-01T00:00:00Z' });
    expect(early.status).toBe(400);
    const bad = await api(`/api/v1/clients/${client.id}/contracts`, 'POST', { terms: { costModel: 'weekly' } });
    expect(bad.status).toBe(400);
    expect(contract.body.fieldVersions).toBeUndefined();
    // An engineer's token may read contracts but not set them: 403, a problem naming the role, nothing saved.
    const engineerToken = await tokenFor(server, 'engineer');
    const refused = await fetch(`${server.url}/api/v1/clients/${client.id}/contracts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${engineerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ effectiveFrom: '2025-06-01', terms: contractTemplate('subscription') }),
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.json()).toMatchObject({ status: 403, code: 'forbidden', detail: expect.stringMatching(/needs the lead role/) });
    const contracts = (await api(`/api/v1/clients/${client.id}/contracts`)).body;
    expect(contracts.history).toHaveLength(1);
    // What the API shows of a row never includes merge bookkeeping.
    expect(contracts.current.fieldVersions).toBeUndefined();
    expect(contracts.history[0].fieldVersions).toBeUndefined();
  });

  it('answers bad input with problem documents and changes nothing', async () => {
    server = await startTestServer(dialect);
    const token = await tokenFor(server);
    const send = (path: string, method: string, body: unknown) =>
      fetch(`${server!.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const cases: [Promise<Response>, number, string][] = [
      [
        send('/api/v1/incidents', 'POST', { clientId: '0190a5a8-0000-7000-8000-000000000000', title: 'x', priority: 'P1' }),
        404,
        'not_found',
      ],
      [send('/api/v1/incidents', 'POST', { clientId: 'nope', title: '', priority: 'P9' }), 400, 'invalid_args'],
      [send('/api/v1/clients', 'POST', { name: 'x'.repeat(1000) }), 400, 'invalid_args'],
      // Ill-formed text (a lone UTF-16 surrogate): in a text field, and deep in a contract's closures.
      [send('/api/v1/clients', 'POST', { name: 'Bakkerij \ud800' }), 400, 'invalid_args'],
      [
        send('/api/v1/clients/0190a5a8-0000-7000-8000-000000000000/contracts', 'POST', {
          terms: { ...contractTemplate('prepaid'), closures: [{ kind: 'days', from: '2026-12-24', to: '2026-12-24', label: '\ud800' }] },
        }),
        400,
        'invalid_args',
      ],
      [send('/api/v1/incidents/0190a5a8-0000-7000-8000-000000000000', 'PATCH', { title: 'x' }), 404, 'not_found'],
      // A span closure that isn't a date-time used to crash the calendar check (500).
      [
        send('/api/v1/clients/0190a5a8-0000-7000-8000-000000000000/contracts', 'POST', {
          terms: { ...contractTemplate('subscription'), closures: [{ kind: 'span', start: 'x', end: 'y' }] },
        }),
        400,
        'invalid_args',
      ],
      [send('/api/v1/incidents/0190a5a8-0000-7000-8000-000000000000', 'PATCH', {}), 400, 'invalid_args'],
      [fetch(`${server.url}/api/v1/clients`), 401, 'unauthorized'],
      [fetch(`${server.url}/api/v1/nothing-here`), 404, 'not_found'],
    ];
    for (const [pending, status, code] of cases) {
      const res = await pending;
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(await res.json()).toMatchObject({ status, code });
    }
    expect(await server.store.db.selectFrom('incidents').selectAll().execute()).toEqual([]);
    expect(await server.store.db.selectFrom('clients').selectAll().execute()).toEqual([]);

    // Beside the English detail: the message key, its params, and every bad field as an issue code.
    const bad = await (await send('/api/v1/incidents', 'POST', { clientId: 'nope', title: 'x', priority: 'P1' })).json();
    expect(bad).toMatchObject({
      code: 'invalid_args',
      key: 'call.invalid',
      detail: expect.stringContaining('clientId: must be a UUID'),
      errors: [{ path: 'clientId', code: 'format.uuid', message: 'must be a UUID' }],
    });
    const missing = await (await send('/api/v1/incidents/0190a5a8-0000-7000-8000-000000000000', 'PATCH', { title: 'x' })).json();
    expect(missing).toMatchObject({ key: 'incident.unknown', params: { id: '0190a5a8-0000-7000-8000-000000000000' } });
  });

  it('refuses text with a NUL character (PostgreSQL cannot store one) as invalid input, and stores nothing', async () => {
    server = await startTestServer(dialect);
    const token = await tokenFor(server);
    const send = (path: string, method = 'GET', body?: unknown) =>
      fetch(`${server!.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    const client = (await (await send('/api/v1/clients', 'POST', { name: 'Nul BV', code: 'NUL' })).json()) as { id: string };
    const refused = [
      await send('/api/v1/clients', 'POST', { name: 'a\u0000b', code: 'NULB' }),
      await send('/api/v1/incidents', 'POST', { clientId: client.id, title: 'x\u0000', priority: 'P1' }),
      await send('/api/v1/incidents', 'POST', { clientId: client.id, title: 'x', description: 'y\u0000', priority: 'P1' }),
      await send('/api/v1/clients?cursor=%00'),
      await send('/api/v1/incidents?cursor=%00'),
    ];
    for (const res of refused) {
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'invalid_args' });
    }
    expect(await server.store.db.selectFrom('incidents').selectAll().execute()).toEqual([]);
    expect(await server.store.db.selectFrom('clients').select('code').execute()).toEqual([{ code: 'NUL' }]);
  });

  it('serves its OpenAPI document, health, readiness and metrics', async () => {
    server = await startTestServer(dialect);
    const doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: object }> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/v1/change-requests',
      '/api/v1/change-requests/{id}',
      '/api/v1/change-requests/{id}/status',
      '/api/v1/clients',
      '/api/v1/clients/{id}/budget',
      '/api/v1/clients/{id}/budget/purchases',
      '/api/v1/clients/{id}/contracts',
      '/api/v1/clients/{id}/statements/{month}',
      '/api/v1/incidents',
      '/api/v1/incidents/{id}',
      '/api/v1/incidents/{id}/convert',
      '/api/v1/incidents/{id}/status',
      '/api/v1/openapi.json',
      '/api/v1/time-entries',
      '/api/v1/time-entries/{id}',
      '/api/v1/timer',
      '/api/v1/timer/start',
      '/api/v1/timer/stop',
      '/healthz',
      '/metrics',
      '/readyz',
    ]);
    expect(Object.keys(doc.components.schemas.Incident!.properties ?? {})).toContain('priority');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/readyz`)).json()).toMatchObject({ status: 'ready', dialect });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('vangnet_http_requests_total');
    expect(metrics).toContain('vangnet_realtime_clients');
  });

  it('slows down an address that keeps guessing pairing codes, and logs the attempts', async () => {
    server = await startTestServer(dialect);
    const guess = () =>
      fetch(`${server!.url}/sync/v1/pair`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'AAAA-BBBB-CCCC', clientId: 'x', deviceName: 'x' }),
      });
    for (let i = 0; i < MAX_FAILURES; i += 1) expect((await guess()).status).toBe(401);
    expect((await guess()).status).toBe(429);
    const events = await server.store.db.selectFrom('auth_events').select('kind').execute();
    expect(events).toHaveLength(MAX_FAILURES);
    expect(events.every((e) => e.kind === 'pairing_failed')).toBe(true);
  });
});
