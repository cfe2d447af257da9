import { describe, expect, it } from 'vitest';
import { BudgetLine } from '../domain/budget';
import type { Actor, Role } from '../domain/common';
import { type Contract, contractTemplate, type CostModel } from '../domain/contract';
import { formatHlc, hlcToIso } from '../hlc';
import { budgetAdjust, budgetBuy } from './budget';
import type { MutationContext } from './define';
import { authorize } from './permit';
import { whoMay } from './reference';

const NOW = Date.parse('2026-03-02T09:00:00.000Z');
const engineer = (id: string, role: Role = 'engineer'): Actor => ({ id, name: id, kind: 'engineer', role });
const ctx = (actor = engineer('lea', 'lead')): MutationContext => {
  const hlc = formatHlc({ wallMs: NOW, counter: 0, node: 'a' });
  return { actor, deviceId: 'a', hlc, now: hlcToIso(hlc) };
};
const CLIENT = '01890000-0000-7000-8000-000000000001';
const LINE = '01890000-0000-7000-8000-0000000000b1';
const client = { id: CLIENT, name: 'Acme', code: 'ACME', createdAt: '2026-01-01T00:00:00Z', createdBy: 'x', fieldVersions: {} };
const contract = (costModel: CostModel, effectiveFrom: string, n = 1): Contract => ({
  id: `01890000-0000-7000-8000-0000000000c${n}`,
  clientId: CLIENT,
  effectiveFrom,
  terms: contractTemplate(costModel),
  createdAt: '2026-01-01T00:00:00Z',
  createdBy: 'x',
  fieldVersions: {},
});
const prepaid = { existing: undefined, client, contracts: [contract('prepaid', '2026-01-01')] };

function buy(input: Record<string, unknown>, rows: Parameters<typeof budgetBuy.apply>[1] = prepaid) {
  const args = budgetBuy.args.parse({ id: LINE, clientId: CLIENT, ...input });
  return budgetBuy.apply(args, rows, ctx());
}

describe('budget mutations', () => {
  it('are for leads only, on every host alike, and the reference says so', () => {
    for (const def of [budgetBuy, budgetAdjust]) {
      expect(whoMay(def)).toBe('`lead` or `admin` (and the system actor).');
      expect(() => authorize(def as never, engineer('lea', 'lead'), {}, prepaid as never)).not.toThrow();
      expect(() => authorize(def as never, engineer('sanne'), {}, prepaid as never)).toThrow(
        /Buying or adjusting prepaid hours needs the lead role/,
      );
    }
  });

  it('buy appends one purchase line, valid through a day or open-ended, that the registry schema accepts', () => {
    const [write] = buy({ minutes: 600, purchasedOn: '2026-03-01', validThrough: '2026-12-31', note: 'Q2' });
    expect(write).toMatchObject({ op: 'insert', table: 'budgetLines' });
    const row = (write as { row: BudgetLine }).row;
    expect(row).toEqual({
      id: LINE,
      clientId: CLIENT,
      kind: 'purchase',
      minutes: 600,
      day: '2026-03-01',
      validThrough: '2026-12-31',
      note: 'Q2',
      createdAt: ctx().now,
      createdBy: 'lea',
      fieldVersions: {},
    });
    expect(BudgetLine.parse(row)).toEqual(row);
    expect((buy({ minutes: 60, purchasedOn: '2026-03-01' })[0] as { row: BudgetLine }).row.validThrough).toBeNull();
  });

  it('adjust appends a signed line with its reason; zero, fractions and an empty reason are refused', () => {
    const args = budgetAdjust.args.parse({ id: LINE, clientId: CLIENT, minutes: -90, day: '2026-03-02', reason: ' Dubbel geboekt ' });
    const [write] = budgetAdjust.apply(args, prepaid, ctx());
    expect((write as { row: BudgetLine }).row).toMatchObject({
      kind: 'adjustment',
      minutes: -90,
      validThrough: null,
      note: 'Dubbel geboekt',
    });
    const bad = (input: Record<string, unknown>) =>
      budgetAdjust.args.safeParse({ id: LINE, clientId: CLIENT, minutes: 30, day: '2026-03-02', reason: 'x', ...input }).success;
    expect(bad({})).toBe(true);
    expect(bad({ minutes: 0 })).toBe(false);
    expect(bad({ minutes: 1.5 })).toBe(false);
    expect(bad({ minutes: 10_000 * 60 + 1 })).toBe(false);
    expect(bad({ reason: '   ' })).toBe(false);
    expect(bad({ day: '2026-02-30' })).toBe(false);
  });

  it('refuses bad purchases: zero, negative, fractional, absurd, a last day before the purchase, a bad date', () => {
    const ok = (input: Record<string, unknown>) =>
      budgetBuy.args.safeParse({ id: LINE, clientId: CLIENT, minutes: 60, purchasedOn: '2026-03-01', ...input }).success;
    expect(ok({})).toBe(true);
    for (const minutes of [0, -60, 0.5, 10_000 * 60 + 1, Number.NaN, '60']) expect(ok({ minutes }), String(minutes)).toBe(false);
    expect(ok({ validThrough: '2026-02-28' })).toBe(false);
    expect(ok({ validThrough: '2026-03-01' })).toBe(true);
    expect(ok({ purchasedOn: '01-03-2026' })).toBe(false);
    expect(ok({ note: 'x'.repeat(501) })).toBe(false);
  });

  it('refuses a client whose contract in force is not prepaid, or who has none, or is unknown', () => {
    const input = { minutes: 60, purchasedOn: '2026-03-01' };
    expect(() => buy(input, { ...prepaid, contracts: [contract('subscription', '2026-01-01')] })).toThrow(/no prepaid contract in force/);
    expect(() => buy(input, { ...prepaid, contracts: [] })).toThrow(/no prepaid contract in force/);
    // A prepaid version that starts only next month is not in force yet.
    const later = [contract('all_in', '2025-01-01'), contract('prepaid', '2026-04-01', 2)];
    expect(() => buy(input, { ...prepaid, contracts: later })).toThrow(/no prepaid contract in force/);
    // The client moved off prepaid: the newer version decides.
    const moved = [contract('prepaid', '2025-01-01'), contract('all_in', '2026-02-01', 2)];
    expect(() => buy(input, { ...prepaid, contracts: moved })).toThrow(/no prepaid contract in force/);
    expect(() => buy(input, { ...prepaid, client: undefined })).toThrow(/Unknown client/);
  });

  it('never overwrites: a line id that exists is a conflict, so a correction must be a new line', () => {
    const [write] = buy({ minutes: 60, purchasedOn: '2026-03-01' });
    const existing = (write as { row: BudgetLine }).row;
    expect(() => buy({ minutes: 120, purchasedOn: '2026-03-01' }, { ...prepaid, existing })).toThrow(/already exists/);
  });
});

describe('timer.start with an override', () => {
  it('is refused to an engineer on every host (only a lead may override a blocked bundle)', async () => {
    const { timerStart } = await import('./time');
    const args = timerStart.args.parse({ id: LINE, engineerId: 'sanne', clientId: CLIENT, override: true });
    expect(() => authorize(timerStart, engineer('sanne'), args, {} as never)).toThrow(
      /Starting a timer on a blocked prepaid bundle needs the lead role/,
    );
    expect(() => authorize(timerStart, engineer('lea', 'lead'), { ...args, engineerId: 'lea' }, {} as never)).not.toThrow();
    expect(() => authorize(timerStart, engineer('sanne'), { ...args, override: false }, {} as never)).not.toThrow();
  });
});
