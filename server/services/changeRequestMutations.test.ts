import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { actingEngineer, DIALECTS, serviceOnFreshStore } from '../testSupport';
import { asSystem } from './mutations';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const as = actingEngineer;

/** The office server runs the same change-request mutations (docs/billing.md): rules, roles and the scope of time alike. */
describe.each(DIALECTS)('change-request mutations on a %s office server', (dialect) => {
  it('converts a ticket and moves its time, refuses an engineer’s quote and status, and a send without estimate', async () => {
    const { store, mutations } = await serviceOnFreshStore(dialect, cleanups);
    const { runMutation } = mutations;
    const [client, ticket, entry] = [uuidv4(), uuidv4(), uuidv4()];
    await runMutation(asSystem('test'), 'client.create', { id: client, name: 'Acme', code: 'ACME' });
    await runMutation(asSystem('test'), 'incident.create', { id: ticket, clientId: client, title: 'Nieuwe koppeling', priority: 'P3' });
    await runMutation(as('sanne', 'engineer'), 'time.log', {
      id: entry,
      engineerId: 'sanne',
      incidentId: ticket,
      startedAt: '2026-01-05T09:00:00Z',
      minutes: 30,
    });
    const scope = async () => (await store.db.selectFrom('time_entries').select('scope').where('id', '=', entry).executeTakeFirstOrThrow()).scope;
    expect(await scope()).toBe('support');

    await expect(runMutation(as('sanne', 'engineer'), 'incident.convertToChangeRequest', { id: ticket, quoteCents: 100 })).rejects.toMatchObject({
      code: 'forbidden',
      params: { role: 'lead', action: 'quoteChangeRequest' },
    });
    await runMutation(as('sanne', 'engineer'), 'incident.convertToChangeRequest', { id: ticket });
    expect(await scope()).toBe('change_request');
    await expect(runMutation(as('sanne', 'engineer'), 'changeRequest.setStatus', { id: ticket, to: 'sent' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(runMutation(as('lea', 'lead'), 'changeRequest.setStatus', { id: ticket, to: 'sent' })).rejects.toMatchObject({
      key: 'changeRequest.noEstimate',
    });
    await runMutation(as('sanne', 'engineer'), 'changeRequest.update', { id: ticket, estimateMinutes: 240 });
    await runMutation(as('lea', 'lead'), 'changeRequest.update', { id: ticket, quoteCents: 38_000 });
    await runMutation(as('lea', 'lead'), 'changeRequest.setStatus', { id: ticket, to: 'sent' });
    const row = await store.db.selectFrom('change_requests').selectAll().where('id', '=', ticket).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', estimate_minutes: 240, quote_cents: 38_000, incident_id: ticket, created_by: 'sanne' });

    await expect(runMutation(as('sanne', 'engineer'), 'incident.convertToSupport', { id: ticket, category: 'bugfix' })).rejects.toMatchObject({
      key: 'changeRequest.decided',
    });
    await runMutation(as('lea', 'lead'), 'changeRequest.setStatus', { id: ticket, to: 'draft' });
    await runMutation(as('sanne', 'engineer'), 'incident.convertToSupport', { id: ticket, category: 'bugfix' });
    expect(await scope()).toBe('support');
  });
});
