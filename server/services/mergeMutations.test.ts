import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { actingEngineer, DIALECTS, serviceOnFreshStore } from '../testSupport';
import { asSystem } from './mutations';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const as = actingEngineer;

/** The office server runs `incident.merge` itself and refuses alike (docs/billing.md, "Bundling"). */
describe.each(DIALECTS)('incident.merge on a %s office server', (dialect) => {
  it("merges one's own time, leaves another engineer's to a lead, and refuses another client, itself and a merged ticket", async () => {
    const { store, mutations } = await serviceOnFreshStore(dialect, cleanups);
    const { runMutation } = mutations;
    const [acme, other] = [uuidv4(), uuidv4()];
    await runMutation(asSystem('test'), 'client.create', { id: acme, name: 'Acme', code: 'ACME' });
    await runMutation(asSystem('test'), 'client.create', { id: other, name: 'Ander', code: 'ANDER' });
    const ticket = async (clientId: string, title: string) => {
      const id = uuidv4();
      await runMutation(asSystem('test'), 'incident.create', { id, clientId, title, priority: 'P3', openedAt: '2026-01-05T08:00:00Z' });
      return id;
    };
    const [survivor, small, joris, elsewhere] = [
      await ticket(acme, 'Eerste'),
      await ticket(acme, 'Klein'),
      await ticket(acme, 'Van Joris'),
      await ticket(other, 'Elders'),
    ];
    const log = (engineerId: string, incidentId: string) =>
      runMutation(as(engineerId, 'engineer'), 'time.log', { id: uuidv4(), engineerId, incidentId, startedAt: '2026-01-05T09:00:00Z', minutes: 7 });
    await log('sanne', small);
    await log('joris', joris);

    const merge = (who: ReturnType<typeof as>, mergedIds: string[], survivorId = survivor) =>
      runMutation(who, 'incident.merge', { survivorId, mergedIds });
    await expect(merge(as('sanne', 'engineer'), [joris])).rejects.toMatchObject({
      code: 'forbidden',
      params: { action: 'mergeOthersTime', role: 'lead' },
    });
    await expect(merge(as('sanne', 'engineer'), [elsewhere])).rejects.toMatchObject({ code: 'invalid_args', key: 'merge.otherClient' });
    await expect(merge(as('sanne', 'engineer'), [survivor])).rejects.toMatchObject({ code: 'invalid_args' });
    await expect(merge(as('sanne', 'engineer'), [uuidv4()])).rejects.toMatchObject({ code: 'not_found' });

    await merge(as('sanne', 'engineer'), [small]);
    await merge(as('lead', 'lead'), [joris]);
    await expect(merge(as('lead', 'lead'), [small])).rejects.toMatchObject({ code: 'conflict', key: 'merge.alreadyMerged' });

    const incidents = await store.db.selectFrom('incidents').select(['id', 'status', 'merged_into']).where('client_id', '=', acme).execute();
    expect(new Map(incidents.map((i) => [i.id, [i.status, i.merged_into]]))).toEqual(
      new Map([
        [survivor, ['new', null]],
        [small, ['closed', survivor]],
        [joris, ['closed', survivor]],
      ]),
    );
    const entries = await store.db.selectFrom('time_entries').select('incident_id').execute();
    expect(entries.map((e) => e.incident_id)).toEqual([survivor, survivor]);
    const audited = await store.db.selectFrom('audit').select('entity_id').where('mutation', '=', 'incident.merge').execute();
    expect(audited.length).toBeGreaterThanOrEqual(6);
  });
});
