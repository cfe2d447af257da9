import type { TFunction } from 'i18next';
import type { ContractTerms } from '../../../../shared/domain/contract';
import type { HoursInterval } from '../../../../shared/sla/calendar';

/** Monday first, as the week reads in the Netherlands (the calendar's own order starts on Sunday). */
export const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof WEEK)[number];

export function hoursText(intervals: readonly HoursInterval[]): string {
  return intervals.map(([from, to]) => `${from}–${to}`).join(', ');
}

/**
 * Business hours in one line, days with the same hours grouped: "Mon–Fri 08:30–17:30",
 * "Mon–Thu 08:30–12:30, 13:00–17:30 · Fri 08:30–12:00".
 */
export function summariseWeek(t: TFunction, hours: ContractTerms['businessHours']): string {
  const groups: { first: Day; last: Day; text: string }[] = [];
  for (const day of WEEK) {
    const text = hoursText(hours[day] ?? []);
    const previous = groups.at(-1);
    if (previous && previous.text === text && WEEK.indexOf(previous.last) === WEEK.indexOf(day) - 1) previous.last = day;
    else groups.push({ first: day, last: day, text });
  }
  return groups
    .filter((g) => g.text)
    .map((g) => {
      const days =
        g.first === g.last ? t(`contract.weekday.${g.first}`) : `${t(`contract.weekday.${g.first}`)}–${t(`contract.weekday.${g.last}`)}`;
      return `${days} ${g.text}`;
    })
    .join(' · ');
}

/** Contract issue paths as the editor's fields know them: `businessHours.mon`, `targets.P1.response.minutes`. */
export function fieldPath(path: string): string {
  // contracts.set reports schema problems under `terms.…`, and calendar problems under `week.<day>`.
  return path.replace(/^terms\./, '').replace(/^week(\.|$)/, 'businessHours$1');
}

function toMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function toTime(minutes: number): string {
  const m = Math.min(24 * 60, Math.max(0, minutes));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** "8:30", "830", "8.30" or "17" as typed → "08:30", "17:00"; anything else is left for the engine to name. */
export function normaliseTime(text: string): string {
  const m = /^\s*(\d{1,2})(?:[:.]?(\d{2}))?\s*$/.exec(text);
  if (!m) return text;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return text;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** The next block of a day: after the last one (an afternoon after a lunch break), or a working day. */
export function nextInterval(intervals: readonly HoursInterval[]): HoursInterval | null {
  const last = intervals.at(-1);
  if (!last) return ['08:30', '17:30'];
  const start = toMinutes(last[1]) + 30;
  if (start >= 24 * 60) return null;
  return [toTime(start), toTime(start + 4 * 60)];
}
