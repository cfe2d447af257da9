import { billableOf } from '../billing/clientBundle';
import { addMonths, BillingMonth, monthRangeUtc, monthsBetween } from '../billing/month';
import { billedLinesByMonth } from '../billing/monthTerms';
import { type BillableEntry, type Scope } from '../billing/rounding';
import type { Contract } from '../domain/contract';
import type { Category } from '../domain/incident';
import type { TimeEntry } from '../domain/time';
import { VangnetError } from '../errors';

/**
 * Hours per category per month, for the Reports room: raw minutes beside the minutes billed, which
 * are rounded per ticket per month by the contract version billing that month (`billedLinesByMonth`,
 * the rule statements and the prepaid ledger use). Support and change requests stay apart (a category row per scope).
 * Time without an incident is its own row (`noIncident`); an incident not yet sorted is `unsorted`.
 */

export const REPORT_CATEGORIES = [
  'monitoring',
  'security',
  'cms_help',
  'bugfix',
  'scaling',
  'new_functionality',
  'unsorted',
  'noIncident',
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

/** At most two years in one report: a chart of more months is unreadable anyway. */
export const MAX_REPORT_MONTHS = 24;

export interface CategoryHours {
  category: ReportCategory;
  scope: Scope;
  rawMinutes: number;
  /** Raw minutes of billable entries (what is rounded). */
  billableRawMinutes: number;
  roundedMinutes: number;
}

export interface MonthHours {
  month: string;
  rows: CategoryHours[];
  rawMinutes: number;
  roundedMinutes: number;
}

export interface HoursReport {
  from: string;
  to: string;
  months: MonthHours[];
  /** The categories that have minutes somewhere in the range, in `REPORT_CATEGORIES` order. */
  categories: ReportCategory[];
}

export interface HoursInput {
  from: string;
  to: string;
  /** The entries of the range (and a day around it: months are read in each client's zone). */
  entries: readonly TimeEntry[];
  /** Category of each incident the entries name (null while unsorted). */
  categories: ReadonlyMap<string, Category | null>;
  /** Contract versions per client. */
  contracts: ReadonlyMap<string, readonly Contract[]>;
  nowMs: number;
}

/** Refuses a bad month range with the field that is wrong; returns the months in it. */
export function reportMonths(from: string, to: string): string[] {
  for (const [path, value] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (!BillingMonth.safeParse(value).success)
      throw new VangnetError('invalid_args', 'reports.badMonth', { value }, [{ path, code: 'format.month' }]);
  const span = monthsBetween(from, to);
  if (span < 0) throw new VangnetError('invalid_args', 'reports.monthOrder', { from, to }, [{ path: 'to', code: 'timeOrder' }]);
  if (span >= MAX_REPORT_MONTHS)
    throw new VangnetError('invalid_args', 'reports.tooManyMonths', { max: MAX_REPORT_MONTHS }, [
      { path: 'to', code: 'number.max', params: { max: MAX_REPORT_MONTHS } },
    ]);
  return Array.from({ length: span + 1 }, (_, i) => addMonths(from, i));
}

/** The UTC instants that can hold entries of the months `from`–`to` in any zone (a day's margin each side). */
export function reportSpanUtc(from: string, to: string): [number, number] {
  const DAY = 86_400_000;
  return [monthRangeUtc(from, 'UTC')[0] - DAY, monthRangeUtc(to, 'UTC')[1] + DAY];
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function hoursByCategory(input: HoursInput): HoursReport {
  const months = reportMonths(input.from, input.to);
  const inRange = new Set(months);
  const byClient = new Map<string, TimeEntry[]>();
  for (const e of input.entries) push(byClient, e.clientId, e);

  const cells = new Map<string, CategoryHours & { month: string }>();
  for (const [clientId, entries] of byClient) {
    const versions = input.contracts.get(clientId) ?? [];
    // Rounding is per ticket per month, by the contract version billing that month (monthTerms.ts),
    // the same rule as statements and the prepaid ledger.
    const billable = entries.map((e) => billableOf(e, input.nowMs)).filter((e): e is BillableEntry => e !== null);
    for (const line of billedLinesByMonth(billable, versions)) {
      if (!inRange.has(line.month)) continue;
      const category: ReportCategory = line.ticketId === null ? 'noIncident' : (input.categories.get(line.ticketId) ?? 'unsorted');
      const key = `${line.month}|${category}|${line.scope}`;
      const cell = cells.get(key) ?? {
        month: line.month,
        category,
        scope: line.scope,
        rawMinutes: 0,
        billableRawMinutes: 0,
        roundedMinutes: 0,
      };
      cell.rawMinutes += line.rawMinutes;
      cell.billableRawMinutes += line.billableRawMinutes;
      cell.roundedMinutes += line.roundedMinutes;
      cells.set(key, cell);
    }
  }

  const order = (c: CategoryHours) => REPORT_CATEGORIES.indexOf(c.category) * 2 + (c.scope === 'support' ? 0 : 1);
  const present = new Set<ReportCategory>();
  const result = months.map<MonthHours>((month) => {
    const rows = [...cells.values()]
      .filter((c) => c.month === month)
      .map(({ month: _, ...row }) => row)
      .sort((a, b) => order(a) - order(b));
    for (const r of rows) present.add(r.category);
    return {
      month,
      rows,
      rawMinutes: rows.reduce((s, r) => s + r.rawMinutes, 0),
      roundedMinutes: rows.reduce((s, r) => s + r.roundedMinutes, 0),
    };
  });
  return { from: input.from, to: input.to, months: result, categories: REPORT_CATEGORIES.filter((c) => present.has(c)) };
}
