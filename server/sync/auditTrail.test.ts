import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../shared/hlc';
import { AuditTrailResponse, syncedAuditProblem } from '../../shared/sync/auditTrail';
import { PullResponse } from '../../shared/sync/protocol';
import { DIALECTS, pairedFetch, startTestServer, type TestServer } from '../testSupport';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const T0 = Date.parse('2026-03-02T09:00:00Z');
const hlc = (ms: number) => formatHlc({ wallMs: ms, counter: 0, node: 'laptopA' });

const pair = (s: TestServer) => pairedFetch(s);

/** A client and two incidents; the first is edited five times. */
function mutations(clientId: string, incidentId: string) {
  const list = [
    { name: 'client.create', args: { id: clientId, name: 'Acme', code: 'ACME' } },
    { name: 'incident.create', args: { id: incidentId, clientId, title: 'Down', priority: 'P1' } },
    { name: 'incident.create', args: { id: uuidv4(), clientId, title: 'Slow', priority: 'P3' } },
    ...[1, 2, 3, 4, 5].map((n) => ({ name: 'incident.update', args: { id: incidentId, title: `Down (${n})` } })),
  ];
  return list.map((m, i) => ({ mutationId: i + 1, ...m, hlc: hlc(T0 + i) }));
}

describe.each(DIALECTS)('GET /sync/v1/audit on %s', (dialect) => {
  it('pages an entity’s entries newest first, in the shape a pull carries them', async () => {
    server = await startTestServer(dialect, () => T0 + 60_000);
    const api = await pair(server);
    const clientId = uuidv4();
    const incidentId = uuidv4();
    expect((await api('/sync/v1/push', { clientId: 'laptopA', mutations: mutations(clientId, incidentId) })).status).toBe(200);

    const pages: AuditTrailResponse[] = [];
    let before: number | null = null;
    do {
      const res = await api(`/sync/v1/audit?entityId=${incidentId}&limit=4${before === null ? '' : `&before=${before}`}`);
      expect(res.status).toBe(200);
      const page = AuditTrailResponse.parse(await res.json());
      pages.push(page);
      before = page.hasMore ? page.cursor : null;
    } while (before !== null);
    expect(pages.map((p) => p.entries.length)).toEqual([4, 2]);
    expect(pages.map((p) => p.hasMore)).toEqual([true, false]);
    const entries = pages.flatMap((p) => p.entries);
    const ids = entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(entries.map((e) => e.mutation)).toEqual([...Array(5).fill('incident.update'), 'incident.create']);
    expect(entries.every((e) => e.entityId === incidentId)).toBe(true);
    expect(entries.every((e) => syncedAuditProblem(e) === null)).toBe(true);
    expect(pages[0]!.cursor).toBe(entries[3]!.id);

    // Exactly the rows the change log hands out for the same entries.
    const pulled = PullResponse.parse(await (await api('/sync/v1/pull?after=0&limit=5000')).json());
    const fromPull = pulled.changes.filter((c) => c.table === 'audit' && c.row?.entityId === incidentId).map((c) => c.row);
    expect(entries).toEqual([...fromPull].reverse());

    // Past the oldest entry: an empty page.
    const past = AuditTrailResponse.parse(await (await api(`/sync/v1/audit?entityId=${incidentId}&before=${ids.at(-1)}`)).json());
    expect(past).toEqual({ entries: [], cursor: null, hasMore: false });
  });

  it('answers an empty list for an unknown entity, refuses bad queries, and requires a device token', async () => {
    server = await startTestServer(dialect, () => T0 + 60_000);
    const api = await pair(server);
    const unknown = await api(`/sync/v1/audit?entityId=${uuidv4()}`);
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toEqual({ entries: [], cursor: null, hasMore: false });

    for (const query of ['', 'entityId=a%20b', `entityId=${uuidv4()}&limit=1001`, `entityId=${uuidv4()}&before=0`]) {
      const res = await api(`/sync/v1/audit?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(((await res.json()) as { code: string }).code).toBe('invalid_args');
    }

    const anonymous = await fetch(`${server.url}/sync/v1/audit?entityId=${uuidv4()}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const forged = await fetch(`${server.url}/sync/v1/audit?entityId=${uuidv4()}`, { headers: { authorization: 'Bearer nope' } });
    expect(forged.status).toBe(401);
  });
});
