import type { TFunction } from 'i18next';
import type { Closure } from '../../../../shared/sla/calendar';
import type { IcalNote } from '../../../../shared/sla/ical';
import { dateFormat } from '../../i18n/format';
import type { Language } from '../../i18n/i18n';
import { isTimeZone, wallTime } from '../../lib/zonedTime';

/**
 * A closure in words, in the contract's own zone: "Thu 24 Dec 2026", "Mon 28 Dec 2026 – Thu 31 Dec
 * 2026", "Fri 12 Jun 2026, 12:00–17:30". Closures are calendar days and wall-clock times there.
 */

/** "Thu 24 Dec 2026" for a local date `YYYY-MM-DD`. */
function day(date: string, language: Language): string {
  const format = dateFormat(language, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const parsed = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  // The parts without the locale's punctuation ("Thu, 24 Dec 2026"), so a time can follow a comma.
  const parts = format.formatToParts(parsed);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

/** A span's end as a date and `HH:mm` in the zone: a local reading as written, an absolute one converted. */
function reading(text: string, timeZone: string): { date: string; time: string } {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    const ms = Date.parse(text);
    if (!Number.isNaN(ms)) {
      const w = wallTime(ms, isTimeZone(timeZone) ? timeZone : 'Europe/Amsterdam');
      const time = `${String(Math.floor(w.minute / 60)).padStart(2, '0')}:${String(w.minute % 60).padStart(2, '0')}`;
      return { date: w.date, time };
    }
  }
  return { date: text.slice(0, 10), time: text.slice(11, 16) };
}

export function closureWhen(closure: Closure, language: Language, timeZone: string): string {
  if (closure.kind === 'days') {
    return closure.from === closure.to ? day(closure.from, language) : `${day(closure.from, language)} – ${day(closure.to, language)}`;
  }
  const start = reading(closure.start, timeZone);
  const end = reading(closure.end, timeZone);
  if (start.date === end.date) return `${day(start.date, language)}, ${start.time}–${end.time}`;
  return `${day(start.date, language)} ${start.time} – ${day(end.date, language)} ${end.time}`;
}

/** "Kerstavond (Thu 24 Dec 2026)", or only the dates when the closure has no name. */
export function closureText(closure: Closure, language: Language, timeZone: string): string {
  const when = closureWhen(closure, language, timeZone);
  return closure.label ? `${closure.label} (${when})` : when;
}

/** The iCal importer's note (shared/sla/ical.ts) in the chosen language, from its code. */
export function icalReasonText(t: TFunction, note: Pick<IcalNote, 'code' | 'params'>): string {
  return (t as unknown as (key: string, options?: object) => string)(`messages.ical.${note.code}`, note.params);
}
