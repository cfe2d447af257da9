import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../shared/hlc';
import { mutationDigest } from '../../shared/sync/rollback';
import { DIALECTS, pairedFetch, startTestServer, type TestServer } from '../testSupport';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const T0 = Date.parse('2026-03-02T09:00:00Z');
const hlc = (n: number) => formatHlc({ wallMs: T0 + n, counter: 0, node: 'laptopA' });

describe.each(DIALECTS)('telling a retry from a laptop set back in time, on %s', (dialect) => {
  it('takes the same mutation again as a retry, and refuses other content under a used id with 409 rolled_back', async () => {
    server = await startTestServer(dialect, () => T0 + 60_000);
    const api = await pairedFetch(server);
    const clientId = uuidv4();
    const incident = (mutationId: number, title: string) => ({
      mutationId,
      name: 'incident.create',
      args: { id: uuidv4(), clientId, title, priority: 'P2' },
      hlc: hlc(mutationId),
    });
    const m1 = { mutationId: 1, name: 'client.create', args: { id: clientId, name: 'Acme', code: 'ACME' }, hlc: hlc(0) };
    const m2 = incident(2, 'Van voor de backup');
    const m3 = incident(3, 'Van na de backup');
    const first = await (await api('/sync/v1/push', { clientId: 'laptopA', mutations: [m1, m2, m3] })).json();
    expect(first).toMatchObject({ lastMutationId: 3, applied: 3, lastDigest: mutationDigest(m3) });

    // A lost reply: the same mutations again are skipped, exactly once.
    const retry = await (await api('/sync/v1/push', { clientId: 'laptopA', mutations: [m2, m3] })).json();
    expect(retry).toMatchObject({ lastMutationId: 3, applied: 0, skipped: 2, lastDigest: mutationDigest(m3) });

    // A restored store made new work under id 3 (and 4): refused whole, naming where to start again.
    const reused = await api('/sync/v1/push', { clientId: 'laptopA', mutations: [m2, incident(3, 'Nieuw'), incident(4, 'Nieuwer')] });
    expect(reused.status).toBe(409);
    expect(await reused.json()).toMatchObject({ code: 'rolled_back', mutationId: 3, lastMutationId: 3 });
    const titles = (await server.store.db.selectFrom('incidents').select('title').execute()).map((r) => r.title).sort();
    expect(titles).toEqual(['Van na de backup', 'Van voor de backup']);

    // Pulls say which mutation the server holds last, so a laptop can tell it is not its own.
    const pulled = (await (await api('/sync/v1/pull?after=0')).json()) as { lastMutationId: number; lastDigest: string };
    expect(pulled).toMatchObject({ lastMutationId: 3, lastDigest: mutationDigest(m3) });
  });
});
