import { execFileSync } from 'node:child_process';
import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import type { StatementView } from '../../shared/contract/statement';
import { contractTemplate } from '../../shared/domain/contract';
import { createMutationService, asSystem } from '../services/mutations';
import { createNotifier } from '../sync/notifier';
import { actingEngineer, DIALECTS, startTestServer, type TestServer } from '../testSupport';

let server: TestServer | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await server?.close();
  server = undefined;
});

async function tokenFor(s: TestServer): Promise<string> {
  const code = await s.engineer('Integration Bot', 'bot@agency.test', 'lead');
  const res = await fetch(`${s.url}/sync/v1/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, clientId: 'integration', deviceName: 'ci' }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** ACME, prepaid with 10 hours bought, support and change-request time in March 2026 — written as synced mutations. */
async function seed(s: TestServer): Promise<string> {
  const notifier = await createNotifier(s.store);
  cleanups.push(() => notifier.close());
  const { runMutation } = createMutationService({ store: s.store, notifier, now: Date.now });
  const clientId = uuidv4();
  const lead = actingEngineer('lea', 'lead');
  await runMutation(asSystem('test'), 'client.create', { id: clientId, name: 'Acme', code: 'ACME' });
  await runMutation(lead, 'contract.set', { id: uuidv4(), clientId, effectiveFrom: '2020-01-01', terms: contractTemplate('prepaid') });
  await runMutation(lead, 'budget.buy', { id: uuidv4(), clientId, minutes: 600, purchasedOn: '2026-01-05', validThrough: null, note: '' });
  const ssl = uuidv4();
  const shop = uuidv4();
  await runMutation(lead, 'incident.create', { id: ssl, clientId, title: 'SSL expired', priority: 'P2', category: 'security', openedAt: '2026-03-02T08:00:00Z' });
  await runMutation(lead, 'incident.create', { id: shop, clientId, title: 'New payment provider', priority: 'P4', category: 'new_functionality', openedAt: '2026-03-02T08:00:00Z' });
  for (const at of ['2026-03-03T09:00:00Z', '2026-03-04T09:00:00Z', '2026-03-05T09:00:00Z'])
    await runMutation(lead, 'time.log', { id: uuidv4(), engineerId: 'lea', clientId, incidentId: ssl, startedAt: at, minutes: 7 });
  await runMutation(lead, 'time.log', { id: uuidv4(), engineerId: 'lea', clientId, incidentId: shop, startedAt: '2026-03-06T09:00:00Z', minutes: 100 });
  return clientId;
}

describe.each(DIALECTS)('statement REST API on %s', (dialect) => {
  it('answers the month statement as JSON, CSV and PDF; an empty month is an empty statement; bad input is a 400 or 404', async () => {
    server = await startTestServer(dialect, () => Date.parse('2026-06-01T12:00:00Z'));
    const token = await tokenFor(server);
    const clientId = await seed(server);
    const api = (path: string) => fetch(`${server!.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

    const json = await api(`/api/v1/clients/${clientId}/statements/2026-03`);
    expect(json.status).toBe(200);
    const s = (await json.json()) as StatementView;
    expect(s.support).toEqual([expect.objectContaining({ title: 'SSL expired', rawMinutes: 21, roundedMinutes: 30, engineers: ['lea'] })]);
    expect(s.changeRequests).toEqual([expect.objectContaining({ title: 'New payment provider', roundedMinutes: 105 })]);
    expect(s.prepaid).toMatchObject({ balanceBeforeMinutes: 600, drawnMinutes: 30, balanceAfterMinutes: 570 });

    const csv = await api(`/api/v1/clients/${clientId}/statements/2026-03?format=csv&lang=nl`);
    expect([csv.status, csv.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="ACME-2026-03-statement.csv"');
    expect((await csv.text()).split('\r\n')[1]).toMatch(/^2026-03,[\w-]+,SSL expired,Beveiliging,support,lea,3,21,21,30$/);

    const pdf = await api(`/api/v1/clients/${clientId}/statements/2026-03?format=pdf`);
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(await pdf.arrayBuffer()) }).toString();
    expect(text).toMatch(/Total\s+0:21\s+0:21\s+0:30/);

    const empty = (await (await api(`/api/v1/clients/${clientId}/statements/2025-07`)).json()) as StatementView;
    expect([empty.empty, empty.support]).toEqual([true, []]);

    expect((await api(`/api/v1/clients/${clientId}/statements/2026-13`)).status).toBe(400);
    expect((await api(`/api/v1/clients/${clientId}/statements/2026-03?format=xls`)).status).toBe(400);
    expect((await api(`/api/v1/clients/${uuidv4()}/statements/2026-03`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/v1/clients/${clientId}/statements/2026-03`)).status).toBe(401);
  });
});
