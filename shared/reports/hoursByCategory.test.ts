import { describe, expect, it } from 'vitest';
import type { Category } from '../domain/incident';
import { VangnetError } from '../errors';
import { hoursByCategory, reportMonths } from './hoursByCategory';
import { CLIENT_A, CLIENT_B, contractOf, timeEntry } from './testData';

const NOW = Date.parse('2026-04-10T12:00:00Z');
const categories = new Map<string, Category | null>([
  ['T1', 'security'],
  ['T2', 'security'],
  ['T3', 'new_functionality'],
  ['T4', null],
]);
const contracts = new Map([
  [CLIENT_A, [contractOf(CLIENT_A, '2025-01-01')]],
  [CLIENT_B, [contractOf(CLIENT_B, '2025-01-01', { billingIncrementMinutes: 30 })]],
]);

function report(entries: Parameters<typeof hoursByCategory>[0]['entries'], from = '2026-01', to = '2026-03') {
  return hoursByCategory({ from, to, entries, categories, contracts, nowMs: NOW });
}

describe('hours per category per month', () => {
  it('rounds per ticket per month: three 7-minute entries on one ticket bill 15, on two tickets 30', () => {
    const r = report([
      timeEntry(CLIENT_A, 'T1', '2026-02-02T09:00:00Z', 7),
      timeEntry(CLIENT_A, 'T1', '2026-02-02T10:00:00Z', 7),
      timeEntry(CLIENT_A, 'T2', '2026-02-03T10:00:00Z', 7),
    ]);
    expect(r.months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(r.months[0]?.rows).toEqual([]);
    expect(r.months[1]?.rows).toEqual([
      { category: 'security', scope: 'support', rawMinutes: 21, billableRawMinutes: 21, roundedMinutes: 30 },
    ]);
    expect(r.categories).toEqual(['security']);
  });

  it('keeps change requests, unsorted incidents and client time apart, and non-billable time raw only', () => {
    const r = report([
      timeEntry(CLIENT_A, 'T3', '2026-03-02T09:00:00Z', 50, { scope: 'change_request' }),
      timeEntry(CLIENT_A, 'T4', '2026-03-02T11:00:00Z', 10),
      timeEntry(CLIENT_A, null, '2026-03-02T12:00:00Z', 5),
      timeEntry(CLIENT_A, 'T1', '2026-03-03T09:00:00Z', 40, { billable: false }),
    ]);
    const march = r.months[2];
    expect(march?.rows.map((x) => [x.category, x.scope, x.rawMinutes, x.roundedMinutes])).toEqual([
      ['security', 'support', 40, 0],
      ['new_functionality', 'change_request', 50, 60],
      ['unsorted', 'support', 10, 15],
      ['noIncident', 'support', 5, 15],
    ]);
    expect(march).toMatchObject({ rawMinutes: 105, roundedMinutes: 90 });
    expect(r.categories).toEqual(['security', 'new_functionality', 'unsorted', 'noIncident']);
  });

  it("rounds each client at its own contract's increment, and months in the contract's zone", () => {
    const r = report([
      timeEntry(CLIENT_A, 'T1', '2026-01-31T23:30:00Z', 10), // 1 February, 00:30 in Amsterdam
      timeEntry(CLIENT_B, 'T2', '2026-02-10T10:00:00Z', 10),
    ]);
    expect(r.months[0]?.rows).toEqual([]);
    expect(r.months[1]?.rows).toEqual([
      { category: 'security', scope: 'support', rawMinutes: 20, billableRawMinutes: 20, roundedMinutes: 45 },
    ]);
  });

  it('uses the contract version in force at the end of each month', () => {
    const changing = new Map([
      [CLIENT_A, [contractOf(CLIENT_A, '2026-03-01', { billingIncrementMinutes: 60 }), contractOf(CLIENT_A, '2025-01-01')]],
    ]);
    const r = hoursByCategory({
      from: '2026-02',
      to: '2026-03',
      entries: [timeEntry(CLIENT_A, 'T1', '2026-02-10T10:00:00Z', 10), timeEntry(CLIENT_A, 'T1', '2026-03-10T10:00:00Z', 10)],
      categories,
      contracts: changing,
      nowMs: NOW,
    });
    expect(r.months.map((m) => m.roundedMinutes)).toEqual([15, 60]);
  });

  it('leaves out running timers and entries outside the range; a client without a contract is raw (increment 1)', () => {
    const r = report([
      timeEntry(CLIENT_A, 'T1', '2026-04-10T11:00:00Z', 10, { endedAt: null, runningFor: 'eng-1' }),
      timeEntry(CLIENT_A, 'T1', '2025-12-31T10:00:00Z', 10),
      timeEntry('00000000-0000-4000-8000-cccccccccccc', 'T1', '2026-01-05T10:00:00Z', 7),
    ]);
    expect(r.months.flatMap((m) => m.rows)).toEqual([
      { category: 'security', scope: 'support', rawMinutes: 7, billableRawMinutes: 7, roundedMinutes: 7 },
    ]);
  });

  it('refuses a range that ends before it starts, or is longer than two years, naming the field', () => {
    const refusal = (from: string, to: string) => {
      try {
        reportMonths(from, to);
      } catch (e) {
        return e instanceof VangnetError ? [e.key, e.issues?.[0]?.path] : e;
      }
      return null;
    };
    expect(refusal('2026-03', '2026-01')).toEqual(['reports.monthOrder', 'to']);
    expect(refusal('2024-01', '2026-01')).toEqual(['reports.tooManyMonths', 'to']);
    expect(refusal('2026-13', '2026-12')).toEqual(['reports.badMonth', 'from']);
    expect(reportMonths('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
