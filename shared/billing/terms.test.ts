import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../canonicalJson';
import { ContractTerms, contractTemplate } from '../domain/contract';
import { issueFromZod } from '../validation';
import { billingTermsOf } from './terms';

/** A contract file as stored before billing existed (every default already filled in, as the store holds it). */
const OLD_TERMS = {
  costModel: 'prepaid',
  timeZone: 'Europe/Amsterdam',
  businessHours: { mon: [['08:30', '17:30']], fri: [['08:30', '16:00']] },
  holidays: { country: 'NL' },
  closures: [{ kind: 'days', from: '2026-12-24', to: '2026-12-24', label: 'Kerstavond' }],
  targets: {
    P1: { response: { minutes: 120, calendar: 'business' }, resolution: { minutes: 1080, calendar: 'business' } },
    P2: { response: { minutes: 240, calendar: 'business' }, resolution: null },
    P3: { response: { minutes: 540, calendar: 'business' }, resolution: null },
    P4: { response: null, resolution: null },
  },
  atRisk: { fraction: 0.75, leadMinutes: 15 },
  billingIncrementMinutes: 15,
  reviewCadenceMonths: 3,
};

const issues = (input: unknown) => ContractTerms.safeParse(input, { reportInput: true }).error?.issues.map(issueFromZod).map((i) => `${i.path} ${i.code}`) ?? [];

describe('billing terms in the contract', () => {
  it('parses an older contract file to exactly what it was: same canonical JSON, no billing field written', () => {
    const parsed = ContractTerms.parse(structuredClone(OLD_TERMS));
    expect(canonicalJson(parsed)).toBe(canonicalJson(OLD_TERMS));
    for (const field of ['hourlyRateCents', 'subscription', 'allIn', 'prepaid']) expect(Object.hasOwn(parsed, field)).toBe(false);
    expect(canonicalJson(contractTemplate('subscription'))).not.toContain('prepaid');
  });

  it('applies the defaults only when billing reads the terms', () => {
    const read = billingTermsOf(ContractTerms.parse(OLD_TERMS));
    expect(read).toEqual({
      costModel: 'prepaid',
      timeZone: 'Europe/Amsterdam',
      incrementMinutes: 15,
      hourlyRateCents: null,
      subscription: null,
      allIn: null,
      prepaid: { notifyThresholdsPercent: [25, 10, 0], overrunPolicy: 'warn' },
    });
  });

  it('keeps the billing fields given, thresholds read highest first', () => {
    const terms = ContractTerms.parse({
      ...OLD_TERMS,
      hourlyRateCents: 9500,
      subscription: { monthlyFeeCents: 49_900, includedMinutes: 240 },
      allIn: { capacityMinutes: 2400, securityAuditEveryMonths: 3 },
      prepaid: { notifyThresholdsPercent: [0, 50, 20], overrunPolicy: 'block' },
    });
    const read = billingTermsOf(terms);
    expect(read.hourlyRateCents).toBe(9500);
    expect(read.subscription).toEqual({ monthlyFeeCents: 49_900, includedMinutes: 240 });
    expect(read.prepaid).toEqual({ notifyThresholdsPercent: [50, 20, 0], overrunPolicy: 'block' });
    expect(terms.prepaid?.notifyThresholdsPercent).toEqual([0, 50, 20]); // stored as given
  });

  it('refuses negative money, fractional cents, zero capacity, unknown policies, bad and repeated thresholds', () => {
    expect(
      issues({
        ...OLD_TERMS,
        hourlyRateCents: 95.5,
        subscription: { monthlyFeeCents: -1, includedMinutes: 60 },
        allIn: { capacityMinutes: 0, securityAuditEveryMonths: 0 },
        prepaid: { notifyThresholdsPercent: [25, 25, 101], overrunPolicy: 'ignore' },
      }).sort(),
    ).toEqual([
      'allIn.capacityMinutes number.min',
      'allIn.securityAuditEveryMonths number.min',
      'hourlyRateCents type',
      'prepaid.notifyThresholdsPercent list.unique',
      'prepaid.notifyThresholdsPercent.2 number.max',
      'prepaid.overrunPolicy enum',
      'subscription.monthlyFeeCents number.min',
    ]);
    expect(issues({ ...OLD_TERMS, subscription: { monthlyFeeCents: 100 } })).toEqual(['subscription.includedMinutes required']);
    expect(issues({ ...OLD_TERMS, prepaid: { overrunPolicy: 'warn', extra: 1 } })).toEqual(['prepaid unknownKeys']);
  });
});
