import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../shared/hlc';
import { SERVER_TIME_HEADER } from '../../shared/sync/protocol';
import { DIALECTS, pairedFetch, startTestServer, type TestServer } from '../testSupport';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const T0 = Date.parse('2026-03-02T09:00:00Z');
const DAY = 86_400_000;
const hlc = (ms: number, counter = 0) => formatHlc({ wallMs: ms, counter, node: 'laptopA' });

describe.each(DIALECTS)('a push from a wrong clock on %s', (dialect) => {
  it('is applied with corrected stamps, told to the laptop, and told again when a lost reply makes it retry', async () => {
    server = await startTestServer(dialect, () => T0);
    const api = await pairedFetch(server);
    const clientId = uuidv4();
    const incidentId = uuidv4();
    const mutations = [
      { mutationId: 1, name: 'client.create', args: { id: clientId, name: 'Acme', code: 'ACME' }, hlc: hlc(T0 + DAY - 5000) },
      {
        mutationId: 2,
        name: 'incident.create',
        args: { id: incidentId, clientId, title: 'Down', priority: 'P1' },
        hlc: hlc(T0 + DAY - 4000, 3),
      },
    ];
    const push = { clientId: 'laptopA', mutations, clientTime: T0 + DAY };
    const first = await api('/sync/v1/push', push);
    expect(first.status).toBe(200);
    expect(first.headers.get(SERVER_TIME_HEADER)).toBe(String(T0));
    const body = (await first.json()) as { applied: number; restamped: { mutationId: number; hlc: string; rows: { row: unknown }[] }[] };
    expect(body.applied).toBe(2);
    expect(body.restamped.map((r) => [r.mutationId, r.hlc])).toEqual([
      [1, hlc(T0 - 5000)],
      [2, hlc(T0 - 4000, 3)],
    ]);
    expect(body.restamped[1]!.rows[0]!.row).toMatchObject({ title: 'Down', fieldVersions: { title: hlc(T0 - 4000, 3) } });
    // The reply was lost: the retry is skipped, and says again which stamps the server holds.
    const retry = (await (await api('/sync/v1/push', { ...push, clientTime: T0 + DAY + 30_000 })).json()) as typeof body & {
      skipped: number;
    };
    expect(retry.skipped).toBe(2);
    expect(retry.restamped.map((r) => [r.mutationId, r.hlc])).toEqual([
      [1, hlc(T0 - 5000)],
      [2, hlc(T0 - 4000, 3)],
    ]);
    // An older laptop (no clock reading) still gets clock_skew: it could not take the corrected stamps.
    const old = await api('/sync/v1/push', { clientId: 'laptopA', mutations: [{ ...mutations[1]!, mutationId: 3 }] });
    expect(old.status).toBe(409);
    expect(await old.json()).toMatchObject({ code: 'clock_skew' });
    expect(old.headers.get(SERVER_TIME_HEADER)).toBe(String(T0));
  });
});
