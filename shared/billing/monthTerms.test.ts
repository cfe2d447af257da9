import { describe, expect, it } from 'vitest';
import { contractTemplate, type ContractTerms } from '../domain/contract';
import { billedLinesByMonth, termsForMonth, versionForMonth } from './monthTerms';
import { totalOf } from './rounding';
import { entry } from './testEntries';

const version = (id: string, effectiveFrom: string, over: Partial<ContractTerms> = {}, createdAt = '2026-01-01T00:00:00Z') => ({
  id,
  effectiveFrom,
  createdAt,
  terms: { ...contractTemplate('prepaid'), ...over },
});

describe('the contract version billing a month', () => {
  const v1 = version('v1', '2026-01-01', { billingIncrementMinutes: 15 });
  const v2 = version('v2', '2026-06-15', { billingIncrementMinutes: 30 });

  it('is the version in force on the first day: a mid-month change bills from the next month', () => {
    expect(versionForMonth([v1, v2], '2026-05')?.id).toBe('v1');
    expect(versionForMonth([v1, v2], '2026-06')?.id).toBe('v1');
    expect(versionForMonth([v2, v1], '2026-07')?.id).toBe('v2');
    expect(termsForMonth([v1, v2], '2026-07')?.incrementMinutes).toBe(30);
  });

  it('is the first version starting in the month when none was in force on the 1st; none before', () => {
    const late = version('late', '2026-03-20');
    expect(versionForMonth([late], '2026-03')?.id).toBe('late');
    expect(versionForMonth([late], '2026-02')).toBeNull();
    expect(termsForMonth([], '2026-02')).toBeNull();
  });

  it('takes the later-created of two versions from the same day', () => {
    const a = version('a', '2026-01-01', {}, '2026-01-01T00:00:00Z');
    const b = version('b', '2026-01-01', {}, '2026-01-02T00:00:00Z');
    expect(versionForMonth([b, a], '2026-02')?.id).toBe('b');
  });

  it('rounds each month of a client whose increment changed mid-year by its own version', () => {
    const entries = [
      entry('T1', 7, { startedAt: '2026-05-10T09:00:00Z' }),
      entry('T1', 7, { startedAt: '2026-06-20T09:00:00Z' }), // after v2 began, but June is still v1's
      entry('T1', 7, { startedAt: '2026-07-10T09:00:00Z' }),
    ];
    const lines = billedLinesByMonth(entries, [v1, v2]);
    expect(lines.map((l) => [l.month, l.rawMinutes, l.roundedMinutes])).toEqual([
      ['2026-05', 7, 15],
      ['2026-06', 7, 15],
      ['2026-07', 7, 30],
    ]);
    expect(totalOf(lines).roundedMinutes).toBe(60);
  });

  it('rounds by the minute in UTC when there is no contract at all, and gives nothing for no entries', () => {
    expect(billedLinesByMonth([entry('T1', 7)], []).map((l) => l.roundedMinutes)).toEqual([7]);
    expect(billedLinesByMonth([], [v1])).toEqual([]);
  });
});
