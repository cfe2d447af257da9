import { afterEach, describe, expect, it } from 'vitest';
import type { BudgetView } from '../../shared/contract/budget';
import { contractTemplate } from '../../shared/domain/contract';
import { callEngine, refusalOf, testEngine } from '../testSupport';
import type { Engine } from './engine';

let engine: Engine;
let setNow: (ms: number) => void;
afterEach(() => engine?.close());

const T0 = Date.parse('2026-03-02T09:00:00Z');
const MIN = 60_000;

const call = <T>(name: string, args: unknown) => callEngine<T>(engine, name, args);

const refusal = (name: string, args: unknown) => refusalOf(engine, name, args);

async function setUp() {
  ({ engine, setNow } = testEngine(T0));
  const acme = await call<{ id: string }>('clients.create', { name: 'Acme', code: 'ACME' });
  const subs = await call<{ id: string }>('clients.create', { name: 'Abonnee', code: 'ABON' });
  const terms = { ...contractTemplate('prepaid'), billingIncrementMinutes: 15, prepaid: { notifyThresholdsPercent: [50, 10, 0] } };
  await call('contracts.set', { clientId: acme.id, effectiveFrom: '2026-01-01', terms });
  await call('contracts.set', { clientId: subs.id, effectiveFrom: '2026-01-01', terms: contractTemplate('subscription') });
  const incident = (title: string) =>
    call<{ id: string }>('incidents.create', {
      clientId: acme.id,
      title,
      priority: 'P3',
      openedAt: new Date(T0 - 600 * MIN).toISOString(),
    });
  return { acme: acme.id, subs: subs.id, incident };
}

describe('the prepaid bundle of a client', () => {
  it('draws rounded support minutes per ticket per month from time entries, oldest purchase first', async () => {
    const { acme, incident } = await setUp();
    const a = await incident('Site traag');
    const b = await incident('SSL verlopen');
    await call('budget.buy', { clientId: acme, minutes: 60, purchasedOn: '2026-01-15', validThrough: '2026-02-28' });
    await call('budget.buy', { clientId: acme, minutes: 120, purchasedOn: '2026-02-01' });
    // Three 7-minute entries on one ticket bill 30 (21 raw, 15-minute increment); one on another bills 15.
    for (const at of [0, 10, 20])
      await call('time.log', { incidentId: a.id, startedAt: new Date(T0 - (300 - at) * MIN).toISOString(), minutes: 7 });
    await call('time.log', { incidentId: b.id, startedAt: new Date(T0 - 200 * MIN).toISOString(), minutes: 7 });
    // Non-billable time draws nothing.
    await call('time.log', { incidentId: b.id, startedAt: new Date(T0 - 100 * MIN).toISOString(), minutes: 50, billable: false });
    const view = await call<BudgetView>('budget.forClient', { clientId: acme });
    expect(view).toMatchObject({ prepaid: true, asOf: '2026-03-02', drawnMinutes: 45, overrunMinutes: 0 });
    expect(view.draws.map((d) => [d.ticketId, d.minutes, d.on]).sort()).toEqual(
      [
        [a.id, 30, '2026-03-01'],
        [b.id, 15, '2026-03-01'],
      ].sort(),
    );
    // The January purchase expired unused on 1 March: shown as expired, not lost; March draws use February's.
    expect(view.purchases.map((p) => [p.minutes, p.usedMinutes, p.expiredMinutes, p.remainingMinutes, p.status])).toEqual([
      [60, 0, 60, 0, 'expired'],
      [120, 45, 0, 75, 'open'],
    ]);
    expect(view).toMatchObject({ purchasedMinutes: 180, expiredMinutes: 60, balanceMinutes: 75, remainingPercent: 62 });
    expect(view.thresholdsPassed).toEqual([]);
    expect(view.balanceMinutes).toBe(view.purchasedMinutes - view.drawnMinutes - view.expiredMinutes);
  });

  it('corrections are new lines; thresholds passed and an overrun show; asOf reads the ledger before', async () => {
    const { acme } = await setUp();
    await call('budget.buy', { clientId: acme, minutes: 100, purchasedOn: '2026-02-01', note: 'Q1' });
    const after = await call<BudgetView>('budget.adjust', { clientId: acme, minutes: -95, reason: 'Telefoontjes februari' });
    expect(after.lines.map((l) => [l.kind, l.minutes, l.day, l.note])).toEqual([
      ['purchase', 100, '2026-02-01', 'Q1'],
      ['adjustment', -95, '2026-03-02', 'Telefoontjes februari'],
    ]);
    expect(after).toMatchObject({ balanceMinutes: 5, thresholdsPassed: [50, 10] });
    const over = await call<BudgetView>('budget.adjust', { clientId: acme, minutes: -35, reason: 'Nog een', day: '2026-03-02' });
    expect(over).toMatchObject({ balanceMinutes: -30, overrunMinutes: 30, thresholdsPassed: [50, 10, 0] });
    const before = await call<BudgetView>('budget.forClient', { clientId: acme, asOf: '2026-02-15' });
    expect(before).toMatchObject({ balanceMinutes: 100, thresholdsPassed: [] });
    // A new purchase pays the overrun off first.
    setNow(T0 + 24 * 60 * MIN);
    const topped = await call<BudgetView>('budget.buy', { clientId: acme, minutes: 600 });
    expect(topped).toMatchObject({ balanceMinutes: 570, overrunMinutes: 0 });
    expect(topped.lines.at(-1)).toMatchObject({ kind: 'purchase', day: '2026-03-03', validThrough: null });
  });

  it('refuses bad input and clients not on a prepaid contract, saving nothing', async () => {
    const { acme, subs } = await setUp();
    const notPrepaid = await refusal('budget.buy', { clientId: subs, minutes: 60 });
    expect(notPrepaid).toMatchObject({ code: 'conflict', key: 'budget.notPrepaid' });
    expect(notPrepaid.message).toMatch(/Abonnee has no prepaid contract/);
    for (const minutes of [0, -60, 1.5, 600_001])
      expect((await refusal('budget.buy', { clientId: acme, minutes })).code).toBe('invalid_args');
    expect((await refusal('budget.buy', { clientId: acme, minutes: 60, purchasedOn: '2026-03-01', validThrough: '2026-02-01' })).code).toBe(
      'invalid_args',
    );
    expect((await refusal('budget.adjust', { clientId: acme, minutes: 0, reason: 'x' })).code).toBe('invalid_args');
    expect((await refusal('budget.adjust', { clientId: acme, minutes: 10, reason: '  ' })).code).toBe('invalid_args');
    expect((await refusal('budget.forClient', { clientId: '01890000-0000-7000-8000-0000000000ff' })).code).toBe('not_found');
    expect((await call<BudgetView>('budget.forClient', { clientId: acme })).lines).toEqual([]);
    expect((await call<BudgetView>('budget.forClient', { clientId: subs })).prepaid).toBe(false);
  });

  it('applies the overrun policy to new timers: warn starts with a warning, block refuses until a lead overrides', async () => {
    const { acme } = await setUp();
    await call('budget.buy', { clientId: acme, minutes: 30, purchasedOn: '2026-03-01' });
    expect(await call('time.start', { clientId: acme })).toMatchObject({ overrun: null });
    await call('budget.adjust', { clientId: acme, minutes: -45, reason: 'Op' });
    const warned = await call<{ overrun: { kind: string; key: string; params: object } }>('time.start', { clientId: acme });
    expect(warned.overrun).toEqual({ kind: 'warn', key: 'billing.overrun.warn', params: { overrun: '0:15' } });

    const blockTerms = { ...contractTemplate('prepaid'), prepaid: { overrunPolicy: 'block' } };
    await call('contracts.set', { clientId: acme, effectiveFrom: '2026-03-01', terms: blockTerms });
    const refused = await refusal('time.start', { clientId: acme });
    expect(refused).toMatchObject({ code: 'forbidden', key: 'billing.overrunBlocked' });
    expect(refused.message).toMatch(/new timers on Acme are refused until hours are bought or a lead overrides/);
    // This laptop's profile is unpaired, so its own admin: the override is allowed and carried in the args.
    const overridden = await call<{ id: string; overrun: { kind: string } }>('time.start', { clientId: acme, override: true });
    expect(overridden.overrun).toMatchObject({ kind: 'override', key: 'billing.overrun.overridden' });
    const outbox = engine.db
      .prepare("SELECT args FROM outbox WHERE name = 'timer.start' ORDER BY rowid DESC LIMIT 1")
      .pluck()
      .get() as string;
    expect(JSON.parse(outbox)).toMatchObject({ id: overridden.id, override: true });
    // Buying hours lifts the block.
    await call('budget.buy', { clientId: acme, minutes: 600 });
    expect(await call('time.start', { clientId: acme })).toMatchObject({ overrun: null });
  });
});
