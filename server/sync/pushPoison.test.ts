import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contractTemplate } from '../../shared/domain/contract';
import { formatHlc } from '../../shared/hlc';
import { findMutation } from '../../shared/mutations/index';
import { DIALECTS, pairedFetch, startTestServer, type TestServer } from '../testSupport';

let server: TestServer | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

const T0 = Date.parse('2026-03-02T09:00:00Z');
const hlc = (n: number) => formatHlc({ wallMs: T0 + n, counter: 0, node: 'laptopA' });

interface PushBody {
  lastMutationId: number;
  applied: number;
  skipped: number;
  rejected: { mutationId: number; error: { code: string; message: string } }[];
}

/** A client, then `poisons` in the middle of good incidents: one good incident before and after each. */
function batch(poisons: ((clientId: string) => { name: string; args: unknown })[]) {
  const clientId = uuidv4();
  const list: { name: string; args: unknown }[] = [{ name: 'client.create', args: { id: clientId, name: 'Acme', code: 'ACME' } }];
  const good = (title: string) => ({ name: 'incident.create', args: { id: uuidv4(), clientId, title, priority: 'P2' } });
  poisons.forEach((poison, i) => list.push(good(`Goed ${i}`), poison(clientId)));
  list.push(good('Goed na het gif'));
  return list.map((m, i) => ({ mutationId: i + 1, ...m, hlc: hlc(i) }));
}

describe.each(DIALECTS)('a poisoned mutation in a push on %s', (dialect) => {
  it('is refused alone, the mutations after it apply, and a retry repeats the refusal', async () => {
    server = await startTestServer(dialect, () => T0 + 60_000);
    const api = await pairedFetch(server, 'laptopA', 'lead');
    const mutations = batch([
      // A span closure whose start and end are no dates: the contract's own checks used to throw on it.
      (clientId) => ({
        name: 'contract.set',
        args: {
          id: uuidv4(),
          clientId,
          effectiveFrom: '2026-01-01',
          terms: { ...contractTemplate('prepaid'), closures: [{ kind: 'span', start: 'not a date', end: 'nor this' }] },
        },
      }),
      // Text PostgreSQL cannot store (a NUL character): refused by the database itself there.
      (clientId) => ({ name: 'incident.create', args: { id: uuidv4(), clientId, title: 'Nul\u0000byte', priority: 'P3' } }),
    ]);
    const res = await api('/sync/v1/push', { clientId: 'laptopA', mutations });
    expect(res.status).toBe(200);
    const body = (await res.json()) as PushBody;
    expect(body.lastMutationId).toBe(mutations.length);
    expect(body.rejected.map((r) => r.mutationId)).toContain(3);
    expect(body.applied + body.rejected.length).toBe(mutations.length);
    const titles = (await server.store.db.selectFrom('incidents').select('title').execute()).map((r) => r.title);
    expect(titles).toEqual(expect.arrayContaining(['Goed 0', 'Goed 1', 'Goed na het gif']));
    const changed = await server.store.db.selectFrom('changes').select('table_name').execute();
    expect(changed.map((c) => c.table_name)).not.toContain('contracts');

    const retry = (await (await api('/sync/v1/push', { clientId: 'laptopA', mutations })).json()) as PushBody;
    expect(retry).toMatchObject({ applied: 0, skipped: mutations.length });
    expect(retry.rejected.map((r) => r.mutationId)).toEqual(body.rejected.map((r) => r.mutationId));
  });

  it('refuses a mutation whose apply throws, alone, with the reason', async () => {
    server = await startTestServer(dialect, () => T0 + 60_000);
    const api = await pairedFetch(server, 'laptopA', 'lead');
    const def = findMutation('client.create')!;
    const apply = def.apply.bind(def);
    vi.spyOn(def, 'apply').mockImplementation((args, rows, ctx) => {
      if ((args as { name: string }).name === 'Kapot') throw new TypeError('cannot read properties of undefined');
      return apply(args, rows, ctx);
    });
    const mutations = batch([(clientId) => ({ name: 'client.create', args: { id: uuidv4(), name: 'Kapot', code: `K${clientId.slice(0, 4)}` } })]);
    const body = (await (await api('/sync/v1/push', { clientId: 'laptopA', mutations })).json()) as PushBody;
    expect(body).toMatchObject({ lastMutationId: 4, applied: 3 });
    expect(body.rejected).toEqual([
      expect.objectContaining({ mutationId: 3, error: expect.objectContaining({ code: 'invalid_args', key: 'server.mutationFailed' }) }),
    ]);
    // The defect's own words (a TypeError) are for the server log, never for the laptop's screen.
    expect(JSON.stringify(body.rejected)).not.toMatch(/cannot read properties/i);
  });

  it('answers a malformed envelope with 400 and applies none of it', async () => {
    server = await startTestServer(dialect, () => T0 + 60_000);
    const api = await pairedFetch(server, 'laptopA', 'lead');
    const [first, second] = batch([]);
    const res = await api('/sync/v1/push', { clientId: 'laptopA', mutations: [first, { ...second, mutationId: 'two' }] });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'invalid_args' });
    expect(await server.store.db.selectFrom('clients').selectAll().execute()).toEqual([]);
    const clients = await server.store.db.selectFrom('sync_clients').select('last_mutation_id').execute();
    expect(clients.map((c) => Number(c.last_mutation_id))).toEqual([0]);
  });
});
