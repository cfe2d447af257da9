import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/common';
import { contractTemplate } from '../../shared/domain/contract';
import { DIALECTS, startTestServer, type TestServer } from '../testSupport';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const NOW = Date.parse('2026-06-10T12:00:00Z');
const UNKNOWN = '0190a5a8-0000-7000-8000-000000000000';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are asserted field by field
type Answer = { status: number; type: string; body: Record<string, any> };

/** A device of a new engineer with `role`, and a fetch with its token that answers status, type and parsed body. */
async function deviceOf(s: TestServer, name: string, role: Role) {
  const code = await s.engineer(name, `${name.toLowerCase()}@agency.test`, role);
  const paired = await fetch(`${s.url}/sync/v1/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, clientId: `api-${name}`, deviceName: 'ci' }),
  });
  const { token } = (await paired.json()) as { token: string };
  return async (path: string, method = 'GET', body?: unknown): Promise<Answer> => {
    const res = await fetch(`${s.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as Answer['body'] };
  };
}

async function setUp(dialect: (typeof DIALECTS)[number]) {
  server = await startTestServer(dialect, () => NOW);
  const lead = await deviceOf(server, 'Lea', 'lead');
  const engineer = await deviceOf(server, 'Erik', 'engineer');
  const acme = (await lead('/api/v1/clients', 'POST', { name: 'Acme', code: 'ACME' })).body;
  await lead(`/api/v1/clients/${acme.id}/contracts`, 'POST', { effectiveFrom: '2026-01-01', terms: contractTemplate('prepaid') });
  const incident = (await lead('/api/v1/incidents', 'POST', { clientId: acme.id, title: 'Mail down', priority: 'P2', openedAt: '2026-06-01T08:00:00Z' }))
    .body;
  return { lead, engineer, acme, incident };
}

describe.each(DIALECTS)('time, timer, budget and change-request REST API on %s', (dialect) => {
  it('logs, lists, edits and deletes time entries; runs a timer; refuses others’ entries, > 24 h and the future', async () => {
    const { lead, engineer, acme, incident } = await setUp(dialect);
    const logged = await engineer('/api/v1/time-entries', 'POST', { incidentId: incident.id, startedAt: '2026-06-02T09:00:00Z', minutes: 90 });
    expect(logged).toMatchObject({ status: 201, body: { entry: { clientId: acme.id, minutes: 90, scope: 'support' }, overlaps: [] } });
    const entry = logged.body.entry;
    const overlapping = await engineer('/api/v1/time-entries', 'POST', { clientId: acme.id, startedAt: '2026-06-02T10:00:00Z', minutes: 60 });
    expect(overlapping.body.overlaps).toEqual([entry.id]);

    const listed = await lead(`/api/v1/time-entries?month=2026-06&client=ACME&engineer=${entry.engineerId}`);
    expect(listed.body).toMatchObject({ month: '2026-06', truncated: false });
    expect(listed.body.items.map((e: { minutes: number }) => e.minutes)).toEqual([90, 60]);
    expect((await lead('/api/v1/time-entries?month=2026-05')).body.items).toEqual([]);
    expect((await lead('/api/v1/time-entries?client=NOPE')).status).toBe(404);

    // Only the entry's engineer or a lead changes it: the engineer may not touch the lead's.
    const leads = (await lead('/api/v1/time-entries', 'POST', { clientId: acme.id, startedAt: '2026-06-03T09:00:00Z', minutes: 30 })).body.entry;
    const refused = await engineer(`/api/v1/time-entries/${leads.id}`, 'PATCH', { reason: 'mine now', note: 'x' });
    expect(refused).toMatchObject({ status: 403, type: expect.stringContaining('application/problem+json'), body: { code: 'forbidden' } });
    expect((await engineer(`/api/v1/time-entries/${leads.id}?reason=weg`, 'DELETE')).status).toBe(403);

    const edited = await engineer(`/api/v1/time-entries/${entry.id}`, 'PATCH', { reason: 'Ended earlier', endedAt: '2026-06-02T10:00:00Z' });
    expect(edited).toMatchObject({ status: 200, body: { minutes: 60, changeReason: 'Ended earlier' } });
    expect((await engineer(`/api/v1/time-entries/${entry.id}`, 'PATCH', { note: 'no reason' })).status).toBe(400);
    expect((await engineer(`/api/v1/time-entries/${entry.id}`, 'DELETE')).body).toMatchObject({ status: 400, code: 'invalid_args' });
    expect(await lead(`/api/v1/time-entries/${entry.id}?reason=Dubbel`, 'DELETE')).toMatchObject({ status: 200, body: { id: entry.id } });

    const tooLong = await engineer('/api/v1/time-entries', 'POST', { clientId: acme.id, startedAt: '2026-06-04T08:00:00Z', minutes: 25 * 60 });
    expect(tooLong).toMatchObject({
      status: 400,
      body: { code: 'invalid_args', key: 'time.confirmLong', detail: expect.stringMatching(/over 24 hours needs a confirmation/), errors: [{ path: 'endedAt', code: 'confirmLong' }] },
    });
    const confirmed = await engineer('/api/v1/time-entries', 'POST', { clientId: acme.id, startedAt: '2026-06-04T08:00:00Z', minutes: 25 * 60, confirmLong: true });
    expect(confirmed).toMatchObject({ status: 201, body: { entry: { minutes: 25 * 60 } } });
    const overAWeek = await engineer('/api/v1/time-entries', 'POST', { clientId: acme.id, startedAt: '2026-05-01T08:00:00Z', minutes: 7 * 24 * 60 + 1, confirmLong: true });
    expect(overAWeek).toMatchObject({ status: 400, body: { code: 'invalid_args', errors: [{ path: 'minutes' }] } });
    const future = await engineer('/api/v1/time-entries', 'POST', { clientId: acme.id, startedAt: '2026-06-10T11:30:00Z', minutes: 60 });
    expect(future).toMatchObject({ status: 400, body: { key: 'time.inFuture', errors: [{ path: 'endedAt', code: 'inFuture' }] } });
    const malformed = await engineer('/api/v1/time-entries', 'POST', '{"clientId":');
    expect(malformed).toMatchObject({ status: 400, body: { code: 'invalid_args' } });
    expect((await engineer(`/api/v1/time-entries/${UNKNOWN}`, 'PATCH', { reason: 'x', note: 'y' })).status).toBe(404);
    expect((await engineer(`/api/v1/time-entries/${UNKNOWN}?reason=x`, 'DELETE')).status).toBe(404);
    // Nothing refused was saved, and nothing saved was lost: the overlapping entry and the lead's remain.
    expect((await lead('/api/v1/time-entries?month=2026-06')).body.items.map((e: { id: string }) => e.id).sort()).toEqual(
      [overlapping.body.entry.id, leads.id, confirmed.body.entry.id].sort(),
    );

    expect((await engineer('/api/v1/timer')).body).toBeNull();
    expect((await engineer('/api/v1/timer/stop', 'POST', {})).body).toMatchObject({ status: 404, key: 'time.noTimer' });
    const started = await engineer('/api/v1/timer/start', 'POST', { incidentId: incident.id, note: 'Looking' });
    expect(started).toMatchObject({ status: 201, body: { endedAt: null, note: 'Looking' } });
    expect((await engineer('/api/v1/timer')).body).toMatchObject({ id: started.body.id });
    expect((await lead('/api/v1/timer')).body).toBeNull();
    expect((await engineer('/api/v1/timer/start', 'POST', { clientId: UNKNOWN })).status).toBe(404);
  });

  it('shows and buys a prepaid bundle (leads), refuses a zero-hour purchase, and moves change requests', async () => {
    const { lead, engineer, acme, incident } = await setUp(dialect);
    expect((await lead(`/api/v1/clients/${acme.id}/budget/purchases`, 'POST', { minutes: 0 })).body).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ path: 'minutes' })],
    });
    expect((await engineer(`/api/v1/clients/${acme.id}/budget/purchases`, 'POST', { minutes: 600 })).status).toBe(403);
    const bought = await lead(`/api/v1/clients/${acme.id}/budget/purchases`, 'POST', { minutes: 600, note: 'Q2' });
    expect(bought).toMatchObject({ status: 201, body: { bundle: { prepaid: true, purchasedMinutes: 600, balanceMinutes: 600, canManage: true } } });
    await engineer('/api/v1/time-entries', 'POST', { incidentId: incident.id, startedAt: '2026-06-02T09:00:00Z', minutes: 20 });
    const budget = await engineer(`/api/v1/clients/${acme.id}/budget`);
    expect(budget.body.bundle).toMatchObject({ balanceMinutes: 570, canManage: false, billed: [{ title: 'Mail down', roundedMinutes: 30 }] });
    expect(budget.body.month).toMatchObject({ month: '2026-06', costModel: 'prepaid' });
    expect((await lead(`/api/v1/clients/${UNKNOWN}/budget`)).status).toBe(404);

    // A subscription client: no bundle, the month's use.
    const zorg = (await lead('/api/v1/clients', 'POST', { name: 'Zorg', code: 'ZORG' })).body;
    await lead(`/api/v1/clients/${zorg.id}/contracts`, 'POST', { effectiveFrom: '2026-01-01', terms: contractTemplate('subscription') });
    const sub = (await lead(`/api/v1/clients/${zorg.id}/budget?month=2026-05`)).body;
    expect(sub).toMatchObject({ bundle: { prepaid: false }, month: { month: '2026-05', costModel: 'subscription', lines: [] } });
    expect((await lead(`/api/v1/clients/${zorg.id}/budget/purchases`, 'POST', { minutes: 60 })).body).toMatchObject({ status: 409, key: 'budget.notPrepaid' });

    expect((await lead('/api/v1/change-requests')).body).toEqual({ items: [] });
    const converted = await engineer(`/api/v1/incidents/${incident.id}/convert`, 'POST', { to: 'change-request' });
    expect(converted).toMatchObject({ status: 200, body: { isChangeRequest: true, changeRequest: { status: 'draft', estimateMinutes: null } } });
    const noEstimate = await lead(`/api/v1/change-requests/${incident.id}/status`, 'POST', { to: 'sent' });
    expect(noEstimate).toMatchObject({ status: 400, body: { key: 'changeRequest.noEstimate', errors: [{ path: 'estimateMinutes', code: 'required' }] } });
    expect((await engineer(`/api/v1/change-requests/${incident.id}`, 'PATCH', { quoteCents: 50_000 })).status).toBe(403);
    expect((await engineer(`/api/v1/change-requests/${incident.id}`, 'PATCH', { estimateMinutes: 480 })).status).toBe(200);
    expect((await lead(`/api/v1/change-requests/${incident.id}`, 'PATCH', { quoteCents: 72_000 })).status).toBe(200);
    expect((await engineer(`/api/v1/change-requests/${incident.id}/status`, 'POST', { to: 'sent' })).status).toBe(403);
    const sent = await lead(`/api/v1/change-requests/${incident.id}/status`, 'POST', { to: 'sent' });
    expect(sent.body.changeRequest).toMatchObject({ status: 'sent', estimateMinutes: 480, quoteCents: 72_000 });
    const list = await engineer('/api/v1/change-requests?client=ACME&status=sent');
    expect(list.body.items).toEqual([expect.objectContaining({ id: incident.id, title: 'Mail down', status: 'sent' })]);
    expect((await engineer('/api/v1/change-requests?status=draft')).body.items).toEqual([]);
    // Past draft it cannot go back to support; unknown ids are 404s; a body of the wrong shape a 400.
    expect((await engineer(`/api/v1/incidents/${incident.id}/convert`, 'POST', { to: 'support', category: 'bugfix' })).status).toBe(409);
    expect((await engineer(`/api/v1/incidents/${UNKNOWN}/convert`, 'POST', { to: 'change-request' })).status).toBe(404);
    expect((await lead(`/api/v1/change-requests/${UNKNOWN}/status`, 'POST', { to: 'sent' })).status).toBe(404);
    expect((await lead(`/api/v1/change-requests/${UNKNOWN}`, 'PATCH', { estimateMinutes: 60 })).status).toBe(404);
    expect((await engineer(`/api/v1/incidents/${incident.id}/convert`, 'POST', { to: 'feature' })).status).toBe(400);
    expect((await engineer(`/api/v1/change-requests/${incident.id}`, 'PATCH', {})).status).toBe(400);
  });
});
