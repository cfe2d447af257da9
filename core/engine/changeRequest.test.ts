import { afterEach, describe, expect, it } from 'vitest';
import type { BudgetView } from '../../shared/contract/budget';
import type { ScopeState } from '../../shared/contract/changeRequests';
import { contractTemplate } from '../../shared/domain/contract';
import { callEngine, refusalOf, testEngine } from '../testSupport';
import type { Engine } from './engine';

let engine: Engine;
afterEach(() => engine?.close());

const T0 = Date.parse('2026-03-02T09:00:00Z');
const MIN = 60_000;

const call = <T>(name: string, args: unknown) => callEngine<T>(engine, name, args);

const refusal = (name: string, args: unknown) => refusalOf(engine, name, args);

async function setUp() {
  ({ engine } = testEngine(T0));
  const acme = await call<{ id: string }>('clients.create', { name: 'Acme', code: 'ACME' });
  const terms = { ...contractTemplate('prepaid'), billingIncrementMinutes: 15 };
  await call('contracts.set', { clientId: acme.id, effectiveFrom: '2026-01-01', terms });
  await call('budget.buy', { clientId: acme.id, minutes: 600, purchasedOn: '2026-02-01' });
  const ticket = await call<{ id: string }>('incidents.create', {
    clientId: acme.id,
    title: 'Koppeling met Exact Online',
    priority: 'P3',
    category: 'bugfix',
    openedAt: new Date(T0 - 600 * MIN).toISOString(),
  });
  await call('time.log', { incidentId: ticket.id, startedAt: new Date(T0 - 300 * MIN).toISOString(), minutes: 50 });
  return { client: acme.id, ticket: ticket.id };
}

describe('a ticket moved across the scope line', () => {
  it('stops drawing on the prepaid bundle as a change request, and draws again back in support', async () => {
    const { client, ticket } = await setUp();
    const drawn = async () => (await call<BudgetView>('budget.forClient', { clientId: client })).drawnMinutes;
    expect(await drawn()).toBe(60);

    const converted = await call<ScopeState>('changeRequests.convert', { id: ticket, estimateMinutes: 16 * 60 });
    expect(converted).toMatchObject({ isChangeRequest: true, category: 'new_functionality', changeRequest: { status: 'draft', estimateMinutes: 960 } });
    expect(await drawn()).toBe(0);
    // Time logged on it now is change-request time too.
    await call('time.log', { incidentId: ticket, startedAt: new Date(T0 - 200 * MIN).toISOString(), minutes: 20 });
    expect(await drawn()).toBe(0);

    await call('changeRequests.toSupport', { id: ticket, category: 'bugfix' });
    expect(await drawn()).toBe(75); // 70 raw minutes, rounded per ticket per month to 15.
    const again = await call<ScopeState>('changeRequests.convert', { id: ticket });
    expect(again.changeRequest).toMatchObject({ estimateMinutes: 960, status: 'draft' });
    expect(await drawn()).toBe(0);
  });

  it('takes a quote from draft to accepted, refusing a send without estimate and a way back once sent', async () => {
    const { ticket } = await setUp();
    await call('changeRequests.convert', { id: ticket });
    expect(await refusal('changeRequests.setStatus', { id: ticket, to: 'sent' })).toMatchObject({
      code: 'invalid_args',
      key: 'changeRequest.noEstimate',
      message: expect.stringMatching(/needs an estimate/),
    });
    expect(await refusal('changeRequests.update', { id: ticket, estimateMinutes: 0 })).toMatchObject({ code: 'invalid_args' });
    await call('changeRequests.update', { id: ticket, estimateMinutes: 480, quoteCents: 76_000 });
    await call('changeRequests.setStatus', { id: ticket, to: 'sent' });
    expect(await refusal('changeRequests.update', { id: ticket, quoteCents: 1 })).toMatchObject({ key: 'changeRequest.notDraft' });
    expect(await refusal('changeRequests.toSupport', { id: ticket, category: 'bugfix' })).toMatchObject({ key: 'changeRequest.decided' });
    const done = await call<ScopeState>('changeRequests.setStatus', { id: ticket, to: 'accepted' });
    expect(done.changeRequest).toMatchObject({ status: 'accepted', estimateMinutes: 480, quoteCents: 76_000 });
    // Who and when of each step: the audit trail of the change request.
    const audit = await call<{ mutation: string }[]>('audit.forEntity', { entityId: ticket });
    expect(audit.filter((a) => a.mutation === 'changeRequest.setStatus')).toHaveLength(2);
    expect(await refusal('changeRequests.forIncident', { incidentId: '01890000-0000-7000-8000-0000000000ff' })).toMatchObject({ code: 'not_found' });
  });
});
