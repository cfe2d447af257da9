import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { actingEngineer, DIALECTS, serviceOnFreshStore } from '../testSupport';
import { asSystem } from './mutations';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const as = actingEngineer;

/**
 * The office server keeps billed time as billed (docs/billing.md, "Closed months and moved tickets"):
 * a merge or a conversion moves only entries of open months, and the timeline counts those that stayed.
 */
describe.each(DIALECTS)('closed months under merges and conversions on a %s office server', (dialect) => {
  it('keeps January (closed) entries on their ticket and scope, moves the February ones', async () => {
    const { store, mutations } = await serviceOnFreshStore(dialect, cleanups);
    const { runMutation } = mutations;
    const acme = uuidv4();
    await runMutation(asSystem('test'), 'client.create', { id: acme, name: 'Acme', code: 'ACME' });
    const ticket = async (title: string) => {
      const id = uuidv4();
      await runMutation(asSystem('test'), 'incident.create', { id, clientId: acme, title, priority: 'P3', openedAt: '2026-01-05T08:00:00Z' });
      return id;
    };
    const [survivor, small, feature] = [await ticket('Eerste'), await ticket('Klein'), await ticket('Koppeling')];
    const log = async (incidentId: string, startedAt: string) => {
      const id = uuidv4();
      await runMutation(as('sanne', 'engineer'), 'time.log', { id, engineerId: 'sanne', incidentId, startedAt, minutes: 7 });
      return id;
    };
    const [smallJan, smallFeb] = [await log(small, '2026-01-20T09:00:00Z'), await log(small, '2026-02-03T09:00:00Z')];
    const [featureJan, featureFeb] = [await log(feature, '2026-01-21T09:00:00Z'), await log(feature, '2026-02-04T09:00:00Z')];
    await runMutation(as('lead', 'lead'), 'month.close', { clientId: acme, month: '2026-01' });

    await runMutation(as('sanne', 'engineer'), 'incident.merge', { survivorId: survivor, mergedIds: [small] });
    await runMutation(as('sanne', 'engineer'), 'incident.convertToChangeRequest', { id: feature });

    const rows = await store.db.selectFrom('time_entries').select(['id', 'incident_id', 'scope']).execute();
    const byId = new Map(rows.map((r) => [r.id, [r.incident_id, r.scope]]));
    expect(byId.get(smallJan)).toEqual([small, 'support']);
    expect(byId.get(smallFeb)).toEqual([survivor, 'support']);
    expect(byId.get(featureJan)).toEqual([feature, 'support']);
    expect(byId.get(featureFeb)).toEqual([feature, 'change_request']);

    const events = await store.db.selectFrom('incident_events').select(['incident_id', 'data']).execute();
    const data = events.map((e) => ({ incidentId: e.incident_id, ...(JSON.parse(e.data) as Record<string, unknown>) }));
    expect(data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ incidentId: small, kind: 'mergedInto', movedEntries: 1, keptEntries: 1 }),
        expect.objectContaining({ incidentId: survivor, kind: 'mergedFrom', movedEntries: 1, keptEntries: 1 }),
        expect.objectContaining({ incidentId: feature, kind: 'category', to: 'new_functionality', keptEntries: 1 }),
      ]),
    );
  });
});
