import { addDays, mondayOf, wallTime } from '../../lib/zonedTime';

export type TimeView = 'day' | 'week';

/** The local days (inclusive) a view on `day` shows: that day, or its Monday-to-Sunday week. */
export function periodOf(view: TimeView, day: string): { from: string; to: string } {
  if (view === 'day') return { from: day, to: day };
  const from = mondayOf(day);
  return { from, to: addDays(from, 6) };
}

/** The day a step back or forward lands on: a day, or a whole week. */
export function shiftPeriod(view: TimeView, day: string, step: -1 | 1): string {
  return addDays(day, view === 'day' ? step : 7 * step);
}

/** Entries grouped by the local day they start on, days in order, each day's entries by start. */
export function byDay<T extends { startedAt: string }>(entries: readonly T[], timeZone: string): { day: string; entries: T[] }[] {
  const days = new Map<string, T[]>();
  const sorted = [...entries].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  for (const entry of sorted) {
    const day = wallTime(Date.parse(entry.startedAt), timeZone).date;
    days.set(day, [...(days.get(day) ?? []), entry]);
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, list]) => ({ day, entries: list }));
}
