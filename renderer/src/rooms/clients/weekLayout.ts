import type { ContractTerms } from '../../../../shared/domain/contract';
import { addDays, wallTime, weekdayIndex } from '../../lib/zonedTime';
import { WEEK } from './contractText';

export interface DayBlock {
  /** Minutes since local midnight. */
  start: number;
  end: number;
}

export interface WeekDay {
  date: string;
  blocks: DayBlock[];
  /** A weekday with business hours and nothing covered: a public holiday or a closure. */
  closedReason: 'holiday' | 'closure' | null;
  closureLabel: string | null;
}

export interface WeekLayout {
  days: WeekDay[];
  /** The hours the grid shows, around the earliest and latest business hour. */
  firstHour: number;
  lastHour: number;
}

const DAY_MINUTES = 24 * 60;

/**
 * Lays the engine's covered intervals (instants) out as blocks per local day in the contract's zone,
 * and marks the working days that have no cover at all.
 */
export function layoutWeek(weekOf: string, intervals: readonly { from: string; to: string }[], terms: ContractTerms): WeekLayout {
  const days: WeekDay[] = Array.from({ length: 7 }, (_, i) => ({
    date: addDays(weekOf, i),
    blocks: [],
    closedReason: null,
    closureLabel: null,
  }));
  const byDate = new Map(days.map((d) => [d.date, d]));

  for (const interval of intervals) {
    const from = wallTime(Date.parse(interval.from), terms.timeZone);
    const to = wallTime(Date.parse(interval.to), terms.timeZone);
    let date = from.date;
    let start = from.minute;
    // An interval ending at midnight, or (in a 24/7-like week) running past it, is cut per day.
    for (let guard = 0; guard < 8; guard += 1) {
      const last = date === to.date;
      const end = last ? to.minute : DAY_MINUTES;
      if (end > start) byDate.get(date)?.blocks.push({ start, end });
      if (last) break;
      date = addDays(date, 1);
      start = 0;
    }
  }

  for (const day of days) {
    const weekday = WEEK[weekdayIndex(day.date)];
    const scheduled = weekday ? (terms.businessHours[weekday]?.length ?? 0) > 0 : false;
    if (!scheduled || day.blocks.length > 0) continue;
    const closure = terms.closures.find((c) => c.kind === 'days' && c.from <= day.date && day.date <= c.to);
    day.closedReason = closure || !terms.holidays ? 'closure' : 'holiday';
    day.closureLabel = closure?.label ?? null;
  }

  let earliest = DAY_MINUTES;
  let latest = 0;
  for (const day of WEEK) {
    for (const [from, to] of terms.businessHours[day] ?? []) {
      earliest = Math.min(earliest, Number(from.slice(0, 2)) * 60 + Number(from.slice(3, 5)));
      latest = Math.max(latest, Number(to.slice(0, 2)) * 60 + Number(to.slice(3, 5)));
    }
  }
  for (const day of days)
    for (const b of day.blocks) {
      earliest = Math.min(earliest, b.start);
      latest = Math.max(latest, b.end);
    }
  if (latest <= earliest) return { days, firstHour: 8, lastHour: 18 };
  return { days, firstHour: Math.max(0, Math.floor(earliest / 60) - 1), lastHour: Math.min(24, Math.ceil(latest / 60) + 1) };
}
