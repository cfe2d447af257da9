import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../shared/contract';
import type { BudgetMonthView, BudgetView } from '../../shared/contract/budget';
import { contractTemplate } from '../../shared/domain/contract';
import { dispatch } from '../engine/dispatch';
import type { Engine } from '../engine/engine';
import { callEngine, testEngine } from '../testSupport';

let engine: Engine;
afterEach(() => engine?.close());

const T0 = Date.parse('2026-03-02T09:00:00Z');
const MIN = 60_000;

const call = <T>(name: string, args: unknown) => callEngine<T>(engine, name, args);

async function prepaidClient(watch = true) {
  ({ engine } = testEngine(T0));
  const alerts: EventPayload<'budget.alert'>[] = [];
  engine.subscribe((name, payload) => {
    if (name === 'budget.alert') alerts.push(payload as EventPayload<'budget.alert'>);
  });
  const acme = await call<{ id: string }>('clients.create', { name: 'Acme', code: 'ACME' });
  const terms = { ...contractTemplate('prepaid'), billingIncrementMinutes: 15, prepaid: { notifyThresholdsPercent: [25, 10, 0] } };
  await call('contracts.set', { clientId: acme.id, effectiveFrom: '2026-01-01', terms });
  if (watch) engine.budgets.start();
  await call('budget.buy', { clientId: acme.id, minutes: 600, purchasedOn: '2026-02-01' });
  const log = (minutes: number, minutesAgo = 2000) =>
    call('time.log', { clientId: acme.id, startedAt: new Date(T0 - minutesAgo * MIN).toISOString(), minutes });
  const notices = () => engine.db.prepare('SELECT threshold_percent FROM budget_notices ORDER BY threshold_percent DESC').pluck().all();
  return { client: acme.id, alerts, log, notices };
}

describe('prepaid thresholds notify once', () => {
  it('stores and announces a threshold when time crosses it, and never again for the same purchase', async () => {
    const { client, alerts, log, notices } = await prepaidClient();
    await log(420); // 180 of 600 left: 30 %, no threshold yet
    expect(alerts).toEqual([]);
    await log(45, 200); // 135 left: 22 %, the 25 % threshold
    expect(alerts).toEqual([
      { clientId: client, clientCode: 'ACME', clientName: 'Acme', thresholdPercent: 25, remainingMinutes: 135, overrunMinutes: 0 },
    ]);
    expect(notices()).toEqual([25]);
    await log(15, 100); // 120 left: still only 25 % reached, already notified
    await log(15, 60);
    expect(alerts).toHaveLength(1);
    const view = await call<BudgetView>('budget.forClient', { clientId: client });
    expect(view).toMatchObject({ thresholdsPassed: [25], thresholdsNotified: [25] });
  });

  it('announces several thresholds reached at once as one alert (the lowest), storing each', async () => {
    const { alerts, log, notices } = await prepaidClient();
    await log(600); // nothing left: 25, 10 and 0 at once
    expect(alerts.map((a) => a.thresholdPercent)).toEqual([0]);
    expect(notices()).toEqual([25, 10, 0]);
  });

  it('re-arms every threshold when a newer purchase is made', async () => {
    const { client, alerts, log, notices } = await prepaidClient();
    await log(480); // 120 of 600: 20 %
    expect(alerts.map((a) => a.thresholdPercent)).toEqual([25]);
    await call('budget.buy', { clientId: client, minutes: 60, purchasedOn: '2026-03-01' });
    // 180 of 660 left: 27 %, above 25 %: nothing yet in the new era.
    expect(alerts).toHaveLength(1);
    await log(30, 100); // 150 of 660: 22 %
    expect(alerts.map((a) => a.thresholdPercent)).toEqual([25, 25]);
    expect(notices()).toEqual([25, 25]);
  });

  it('checks at start what was logged while no app watched (the CLI), and says nothing before', async () => {
    const { alerts, log, notices } = await prepaidClient(false);
    await log(480);
    expect(alerts).toEqual([]);
    expect(notices()).toEqual([]);
    engine.budgets.start();
    expect(alerts.map((a) => a.thresholdPercent)).toEqual([25]);
    engine.budgets.start();
    expect(alerts).toHaveLength(1);
  });

  it('marking a threshold twice writes one row (the id is derived), so laptops converge', async () => {
    const { client } = await prepaidClient(false);
    const args = { clientId: client, purchaseId: null, thresholdPercent: 10, remainingMinutes: 50 };
    expect(engine.mutate('budget.markNotified', args).writes).toHaveLength(1);
    expect(engine.mutate('budget.markNotified', { ...args, remainingMinutes: 40 }).writes).toHaveLength(0);
    expect(engine.db.prepare('SELECT remaining_minutes FROM budget_notices').pluck().all()).toEqual([50]);
  });
});

describe('month views', () => {
  async function modelClient(model: 'subscription' | 'all_in', extra: object) {
    ({ engine } = testEngine(T0));
    const c = await call<{ id: string }>('clients.create', { name: 'Abonnee', code: 'ABON' });
    const terms = { ...contractTemplate(model), billingIncrementMinutes: 15, hourlyRateCents: 9000, ...extra };
    await call('contracts.set', { clientId: c.id, effectiveFrom: '2026-01-01', terms });
    const incident = await call<{ id: string }>('incidents.create', { clientId: c.id, title: 'Traag', priority: 'P3', openedAt: '2026-02-01T08:00:00Z' });
    for (const at of ['2026-02-03T10:00:00Z', '2026-02-04T10:00:00Z', '2026-02-05T10:00:00Z'])
      await call('time.log', { incidentId: incident.id, startedAt: at, minutes: 40 });
    return c.id;
  }

  it('prices a subscription month: included, used (raw beside rounded), overage', async () => {
    const id = await modelClient('subscription', { subscription: { monthlyFeeCents: 50000, includedMinutes: 60 } });
    const feb = await call<BudgetMonthView>('budget.month', { clientId: id, month: '2026-02' });
    expect(feb).toMatchObject({ costModel: 'subscription', allIn: null, audit: null });
    // 120 raw rounds to 120 on one ticket; 60 over at € 90/h = € 90.
    expect(feb.subscription).toEqual({
      includedMinutes: 60,
      usedMinutes: 120,
      rawMinutes: 120,
      overageMinutes: 60,
      changeRequestMinutes: 0,
      feeCents: 50000,
      overageCents: 9000,
      totalCents: 59000,
    });
    expect(feb.lines).toMatchObject([{ month: '2026-02', title: 'Traag', rawMinutes: 120, roundedMinutes: 120 }]);
    const jan = await call<BudgetMonthView>('budget.month', { clientId: id, month: '2026-01' });
    expect(jan.subscription).toMatchObject({ usedMinutes: 0, overageMinutes: 0, totalCents: 50000 });
  });

  it('measures all-in capacity and says when the security audit is due', async () => {
    const id = await modelClient('all_in', { allIn: { capacityMinutes: 100, securityAuditEveryMonths: 2 } });
    const feb = await call<BudgetMonthView>('budget.month', { clientId: id, month: '2026-02' });
    expect(feb.allIn).toMatchObject({ capacityMinutes: 100, usedMinutes: 120, usedPercent: 120, overCapacityMinutes: 20 });
    expect(feb.audit).toMatchObject({ dueMonth: '2026-03', status: 'upcoming' });
    const mar = await call<BudgetMonthView>('budget.month', { clientId: id, month: '2026-03' });
    expect(mar.audit).toMatchObject({ dueMonth: '2026-03', status: 'due' });
  });

  it('refuses a bad month and an unknown client, and answers a month without a contract emptily', async () => {
    const id = await modelClient('subscription', {});
    expect((await dispatch(engine, 'budget.month', { clientId: id, month: '2026-13' })).ok).toBe(false);
    const unknown = await dispatch(engine, 'budget.month', { clientId: '01890000-0000-7000-8000-000000000009', month: '2026-02' });
    expect(unknown.ok ? null : unknown.error.code).toBe('not_found');
    const before = await call<BudgetMonthView>('budget.month', { clientId: id, month: '2025-06' });
    expect(before).toMatchObject({ costModel: null, lines: [], subscription: null });
  });
});
