import { describe, expect, it } from 'vitest';
import { VangnetError } from '../errors';
import { billedLines } from './rounding';
import { priceCents, subscriptionMonth } from './subscription';
import { billingTermsOf } from './terms';
import { AMSTERDAM_15, entry } from './testEntries';

const terms = (over: Partial<Parameters<typeof billingTermsOf>[0]> = {}) =>
  billingTermsOf({
    costModel: 'subscription',
    timeZone: 'Europe/Amsterdam',
    billingIncrementMinutes: 15,
    hourlyRateCents: 9000,
    subscription: { monthlyFeeCents: 25_000, includedMinutes: 60 },
    ...over,
  });

describe('subscription month', () => {
  it('counts rounded support minutes against the allowance and prices the overage', () => {
    // 50 + 22 raw on two tickets: 60 + 30 rounded = 90, 30 over at €90/h = €45.
    const lines = billedLines([entry('T1', 50), entry('T2', 22), entry('T3', 200, { scope: 'change_request' })], AMSTERDAM_15);
    expect(subscriptionMonth(lines, '2026-01', terms())).toEqual({
      month: '2026-01',
      includedMinutes: 60,
      usedMinutes: 90,
      rawMinutes: 72,
      overageMinutes: 30,
      changeRequestMinutes: 210,
      feeCents: 25_000,
      overageCents: 4500,
      totalCents: 29_500,
    });
  });

  it('has no overage within the allowance, and an empty month costs the fee', () => {
    const lines = billedLines([entry('T1', 60)], AMSTERDAM_15);
    expect(subscriptionMonth(lines, '2026-01', terms())).toMatchObject({ overageMinutes: 0, overageCents: 0, totalCents: 25_000 });
    expect(subscriptionMonth(lines, '2026-02', terms())).toMatchObject({ usedMinutes: 0, rawMinutes: 0, totalCents: 25_000 });
  });

  it('counts time in the month of the Amsterdam wall clock: 1 Feb 00:30 CET is February', () => {
    const lines = billedLines([entry('T1', 90, { startedAt: '2026-01-31T23:30:00Z' })], AMSTERDAM_15);
    expect(subscriptionMonth(lines, '2026-01', terms()).usedMinutes).toBe(0);
    expect(subscriptionMonth(lines, '2026-02', terms()).overageMinutes).toBe(30);
  });

  it('leaves overage unpriced without an hourly rate, rather than pricing it at zero', () => {
    const lines = billedLines([entry('T1', 61)], AMSTERDAM_15);
    expect(subscriptionMonth(lines, '2026-01', terms({ hourlyRateCents: undefined }))).toMatchObject({ overageMinutes: 15, overageCents: null, totalCents: null });
  });

  it('prices in whole cents, half a cent up', () => {
    expect(priceCents(1, 9000)).toBe(150);
    expect(priceCents(1, 9001)).toBe(150); // 150.0167
    expect(priceCents(1, 9030)).toBe(151); // 150.5
    expect(priceCents(0, 9000)).toBe(0);
  });

  it('refuses a contract without subscription terms and a bad month', () => {
    expect(() => subscriptionMonth([], '2026-01', terms({ subscription: undefined }))).toThrow(VangnetError);
    expect(() => subscriptionMonth([], '2026-13', terms())).toThrow(/month/);
  });
});
