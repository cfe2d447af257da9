import { WEEKDAYS, type WeekHours, minutesOfDay } from '../sla/calendar';
import { DAY_MS, MINUTE_MS, localDayIndex, localRangeToUtc, utcToLocal, weekdayOfDay } from '../sla/zone';

/**
 * A layer's hours (say office hours for the support desk, the rest for the night rotation): wall-
 * clock intervals per weekday in the schedule's zone, read the way business hours are
 * (shared/sla/zone.ts `localRangeToUtc`): an instant is inside when its wall-clock reading is.
 */
export interface ActiveHours {
  zone: string;
  /** By weekday, 0 = Sunday: `[from, to)` in ms since local midnight. */
  days: [number, number][][];
}

export function activeHours(zone: string, week: WeekHours): ActiveHours {
  return { zone, days: WEEKDAYS.map((day) => (week[day] ?? []).map(([a, b]): [number, number] => [minutesOfDay(a) * MINUTE_MS, minutesOfDay(b) * MINUTE_MS])) };
}

export function isActive(hours: ActiveHours, t: number): boolean {
  const local = utcToLocal(hours.zone, t);
  const day = localDayIndex(local);
  const time = local - day * DAY_MS;
  return hours.days[weekdayOfDay(day)]!.some(([a, b]) => time >= a && time < b);
}

/** The instants in `(from, to)` where the hours begin or end. */
export function activeEdges(hours: ActiveHours, from: number, to: number): number[] {
  const out: number[] = [];
  // A day's wall-clock hours lie within a day of its UTC instants, so one day of margin each side.
  const last = localDayIndex(to) + 1;
  for (let day = localDayIndex(from) - 1; day <= last; day++) {
    for (const [a, b] of hours.days[weekdayOfDay(day)]!) {
      for (const [s, e] of localRangeToUtc(hours.zone, day * DAY_MS + a, day * DAY_MS + b)) {
        if (s > from && s < to) out.push(s);
        if (e > from && e < to) out.push(e);
      }
    }
  }
  return out;
}
