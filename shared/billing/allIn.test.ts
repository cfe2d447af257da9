import { describe, expect, it } from 'vitest';
import { englishBilling } from '../messages/catalog';
import { allInMonth, securityAuditDue } from './allIn';
import { billedLines } from './rounding';
import { billingTermsOf } from './terms';
import { entry } from './testEntries';

const terms = billingTermsOf({
  costModel: 'all_in',
  timeZone: 'Europe/Amsterdam',
  billingIncrementMinutes: 5,
  allIn: { capacityMinutes: 120, securityAuditEveryMonths: 3 },
});
const FIVE = { incrementMinutes: 5, timeZone: 'Europe/Amsterdam' };

describe('all-in capacity', () => {
  it('reports used against guaranteed capacity, change requests apart', () => {
    const lines = billedLines([entry('T1', 31), entry('T2', 58), entry('T3', 90, { scope: 'change_request' })], FIVE);
    expect(allInMonth(lines, '2026-01', terms)).toEqual({
      month: '2026-01',
      capacityMinutes: 120,
      usedMinutes: 95,
      rawMinutes: 89,
      remainingMinutes: 25,
      overCapacityMinutes: 0,
      usedPercent: 79,
      changeRequestMinutes: 90,
    });
  });

  it('reports over capacity past 100 %, and an empty month as nothing used', () => {
    const lines = billedLines([entry('T1', 150)], FIVE);
    expect(allInMonth(lines, '2026-01', terms)).toMatchObject({ remainingMinutes: 0, overCapacityMinutes: 30, usedPercent: 125 });
    expect(allInMonth(lines, '2026-02', terms)).toMatchObject({ usedMinutes: 0, usedPercent: 0, remainingMinutes: 120 });
  });

  it('refuses a contract without all-in terms', () => {
    expect(() => allInMonth([], '2026-01', { ...terms, allIn: null })).toThrow(/allIn/);
  });
});

describe('security audit due', () => {
  const ask = (lastAuditOn: string | null, asOf: string) => securityAuditDue({ everyMonths: 3, since: '2025-11-20', lastAuditOn, asOf });

  it('is due every N months after the last audit, or after the start when there was none', () => {
    expect(ask(null, '2026-01-31')).toMatchObject({ dueMonth: '2026-02', status: 'upcoming', key: 'billing.allIn.auditUpcoming' });
    expect(ask(null, '2026-02-01')).toMatchObject({ dueMonth: '2026-02', status: 'due' });
    expect(ask(null, '2026-03-01')).toMatchObject({ dueMonth: '2026-02', status: 'overdue' });
    expect(ask('2026-02-27', '2026-03-01')).toMatchObject({ dueMonth: '2026-05', status: 'upcoming' });
    expect(englishBilling(ask(null, '2026-03-01'))).toBe('Security audit overdue since 2026-02');
  });

  it('crosses the year, and refuses a zero cadence and bad dates', () => {
    expect(securityAuditDue({ everyMonths: 12, since: '2025-01-01', lastAuditOn: '2026-12-01', asOf: '2027-12-15' }).status).toBe('due');
    expect(() => securityAuditDue({ everyMonths: 0, since: '2025-01-01', lastAuditOn: null, asOf: '2026-01-01' })).toThrow(/everyMonths/);
    expect(() => securityAuditDue({ everyMonths: 3, since: '2025-02-30', lastAuditOn: null, asOf: '2026-01-01' })).toThrow(/since/);
  });
});
