import type { BurndownView, HoursReportView } from '../../../../shared/contract/reports';
import type { ReportCategory } from '../../../../shared/reports/hoursByCategory';
import { addMonths } from '../../../../shared/billing/month';

/**
 * The Reports room's numbers shaped for a chart and its table, with nothing computed twice: the
 * chart and the table read the same series. Support time is a series per category; every change
 * request is one series of its own ("Change requests"), so the scope line stays visible.
 */

export type SeriesKey = Exclude<ReportCategory, 'new_functionality'> | 'changeRequest';

const SERIES_ORDER: readonly SeriesKey[] = [
  'monitoring',
  'security',
  'cms_help',
  'bugfix',
  'scaling',
  'unsorted',
  'noIncident',
  'changeRequest',
];

/** The default range: the three months ending with `month`. */
export function lastMonths(month: string): { reportFrom: string; reportTo: string } {
  return { reportFrom: addMonths(month, -2), reportTo: month };
}

export function seriesKeyOf(row: { category: ReportCategory; scope: string }): SeriesKey {
  return row.scope === 'change_request' || row.category === 'new_functionality' ? 'changeRequest' : row.category;
}

export interface SeriesCell {
  rawMinutes: number;
  roundedMinutes: number;
}

export interface HoursSeries {
  /** The series with minutes somewhere in the range, in a fixed order (stable colours). */
  keys: SeriesKey[];
  /** Per month, per series: raw and rounded minutes (0 when none). */
  months: { month: string; cells: Record<SeriesKey, SeriesCell>; rawMinutes: number; roundedMinutes: number }[];
  /** Per series over the whole range. */
  totals: Record<SeriesKey, SeriesCell>;
  rawMinutes: number;
  roundedMinutes: number;
}

function emptyCells(): Record<SeriesKey, SeriesCell> {
  return Object.fromEntries(SERIES_ORDER.map((k) => [k, { rawMinutes: 0, roundedMinutes: 0 }])) as Record<SeriesKey, SeriesCell>;
}

export function hoursSeries(report: HoursReportView): HoursSeries {
  const present = new Set<SeriesKey>();
  const totals = emptyCells();
  const months = report.months.map((m) => {
    const cells = emptyCells();
    for (const row of m.rows) {
      const key = seriesKeyOf(row);
      present.add(key);
      for (const target of [cells[key], totals[key]]) {
        target.rawMinutes += row.rawMinutes;
        target.roundedMinutes += row.roundedMinutes;
      }
    }
    return { month: m.month, cells, rawMinutes: m.rawMinutes, roundedMinutes: m.roundedMinutes };
  });
  return {
    keys: SERIES_ORDER.filter((k) => present.has(k)),
    months,
    totals,
    rawMinutes: months.reduce((s, m) => s + m.rawMinutes, 0),
    roundedMinutes: months.reduce((s, m) => s + m.roundedMinutes, 0),
  };
}

/** The series with the most billed minutes, or null when nothing was billed. */
export function topSeries(series: HoursSeries): SeriesKey | null {
  let best: SeriesKey | null = null;
  for (const k of series.keys) if (series.totals[k].roundedMinutes > (best === null ? 0 : series.totals[best].roundedMinutes)) best = k;
  return best;
}

export type BurndownEvent = 'purchase' | 'expiry' | 'draw' | 'today';

/** One table row per point: what happened that day (a purchase, an expiry, draws) and the balance after. */
export function burndownRows(
  b: BurndownView,
): { day: string; events: { kind: BurndownEvent; minutes: number }[]; balanceMinutes: number }[] {
  return b.points.map((p, i) => {
    const before = i === 0 ? { purchasedMinutes: 0, drawnMinutes: 0 } : (b.points[i - 1] as typeof p);
    const events: { kind: BurndownEvent; minutes: number }[] = [];
    for (const purchase of b.purchases) if (purchase.day === p.day) events.push({ kind: 'purchase', minutes: purchase.minutes });
    for (const expiry of b.expiries) if (expiry.day === p.day) events.push({ kind: 'expiry', minutes: expiry.minutes });
    const drawn = p.drawnMinutes - before.drawnMinutes;
    if (drawn > 0) events.push({ kind: 'draw', minutes: drawn });
    if (events.length === 0 && p.day === b.asOf) events.push({ kind: 'today', minutes: 0 });
    return { day: p.day, events, balanceMinutes: p.balanceMinutes };
  });
}
