import type { Kysely } from 'kysely';
import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { contractTemplate } from '../../shared/domain/contract';
import { formatHlc } from '../../shared/hlc';
import { fromRecord, TABLE_SPECS } from '../../shared/schema/tables';
import { CHECKSUM_TABLES, tableChecksum } from '../../shared/sync/checksum';
import { ChecksumsResponse, PullResponse } from '../../shared/sync/protocol';
import { DIALECTS, pairedFetch, startTestServer, type TestServer } from '../testSupport';
import { computeChecksums } from './checksums';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const T0 = Date.parse('2026-03-02T09:00:00Z');
const hlc = (ms: number) => formatHlc({ wallMs: ms, counter: 0, node: 'laptopA' });

// A lead: the corpus sets a contract.
const pair = (s: TestServer) => pairedFetch(s, 'laptopA', 'lead');

/** A client with a contract and a platform, two incidents with an edit, a status change and a reply. */
function mutations() {
  const clientId = uuidv4();
  const incidentId = uuidv4();
  const list = [
    { name: 'client.create', args: { id: clientId, name: 'Acme', code: 'ACME' } },
    { name: 'contract.set', args: { id: uuidv4(), clientId, effectiveFrom: '2026-01-01', terms: contractTemplate('all_in') } },
    { name: 'platform.create', args: { id: uuidv4(), clientId, name: 'Webshop', url: 'https://acme.test' } },
    { name: 'incident.create', args: { id: incidentId, clientId, title: 'Down', priority: 'P1' } },
    { name: 'incident.create', args: { id: uuidv4(), clientId, title: 'Slow', priority: 'P3' } },
    { name: 'incident.update', args: { id: incidentId, title: 'Down since deploy' } },
    { name: 'incident.setStatus', args: { id: incidentId, to: 'in_progress' } },
    { name: 'incident.reply', args: { id: incidentId, body: 'Looking into it' } },
    { name: 'settings.set', args: { idleDetection: false } },
  ];
  return list.map((m, i) => ({ mutationId: i + 1, ...m, hlc: hlc(T0 + i) }));
}

/** The same checksums computed from the server's domain tables instead of its change log. */
async function fromDomainTables(s: TestServer) {
  const db = s.store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const out: Record<string, unknown> = {};
  for (const table of CHECKSUM_TABLES) {
    const records = await db.selectFrom(TABLE_SPECS[table].sqlTable).selectAll().execute();
    out[table] = tableChecksum(
      table,
      records.map((r) => fromRecord(table, r) as Record<string, unknown>),
    );
  }
  return out;
}

describe.each(DIALECTS)('checksums on %s', (dialect) => {
  it('answers per-table counts and checksums at the head seq, the same as the domain tables hold', async () => {
    server = await startTestServer(dialect, () => T0 + 60_000);
    const api = await pair(server);
    expect((await fetch(`${server.url}/sync/v1/checksums`)).status).toBe(401);

    const push = await api('/sync/v1/push', { clientId: 'laptopA', mutations: mutations() });
    expect(await push.json()).toMatchObject({ rejected: [] });
    const res = await api('/sync/v1/checksums');
    expect(res.status).toBe(200);
    const sums = ChecksumsResponse.parse(await res.json());
    const pulled = PullResponse.parse(await (await api('/sync/v1/pull?after=0&limit=5000')).json());
    expect(sums.seq).toBe(pulled.headSeq);
    expect(Object.fromEntries(Object.entries(sums.tables).map(([t, v]) => [t, v.count]))).toEqual({
      clients: 1,
      incidents: 2,
      incidentEvents: 2,
      contracts: 1,
      platforms: 1,
      engineers: 1,
      settings: 1,
      timeEntries: 0,
      budgetLines: 0,
      changeRequests: 0,
      monthCloses: 0,
      budgetNotices: 0,
    });
    expect(sums.tables).toEqual(await fromDomainTables(server));
    // Recomputing the same table from the rows a pull hands out gives the same answer.
    const incidentRows = pulled.changes.flatMap((c) => (c.table === 'incidents' && c.row ? [c.row] : []));
    expect(tableChecksum('incidents', incidentRows)).toEqual(sums.tables.incidents);
  });

  it('reads in pages without changing the answer, and moves when a row changes', async () => {
    server = await startTestServer(dialect, () => T0 + 60_000);
    const api = await pair(server);
    const list = mutations();
    await api('/sync/v1/push', { clientId: 'laptopA', mutations: list });
    const whole = await computeChecksums(server.store);
    expect(await computeChecksums(server.store, 3)).toEqual(whole);

    const incidentId = (list[3]!.args as { id: string }).id;
    const edit = { mutationId: list.length + 1, name: 'incident.update', args: { id: incidentId, priority: 'P2' }, hlc: hlc(T0 + 100) };
    await api('/sync/v1/push', { clientId: 'laptopA', mutations: [edit] });
    const after = await computeChecksums(server.store);
    expect(after.seq).toBeGreaterThan(whole.seq);
    expect(after.tables.incidents.count).toBe(2);
    expect(after.tables.incidents.checksum).not.toBe(whole.tables.incidents.checksum);
    expect(after.tables.clients).toEqual(whole.tables.clients);
  });

  it('pulls one table on its own', async () => {
    server = await startTestServer(dialect, () => T0 + 60_000);
    const api = await pair(server);
    await api('/sync/v1/push', { clientId: 'laptopA', mutations: mutations() });
    const page = PullResponse.parse(await (await api('/sync/v1/pull?after=0&limit=1&table=incidents')).json());
    expect(page.changes.map((c) => c.table)).toEqual(['incidents']);
    expect(page.hasMore).toBe(true);
    const rest = PullResponse.parse(await (await api(`/sync/v1/pull?after=${page.cursor}&table=incidents`)).json());
    expect(rest.changes.map((c) => c.table)).toEqual(['incidents']);
    expect(rest.hasMore).toBe(false);
    expect((await api('/sync/v1/pull?after=0&table=no%20such')).status).toBe(400);
  });
});
