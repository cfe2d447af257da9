import type { Language } from './i18n';

/** All times are shown in the agency's zone, whatever the laptop's clock says. */
export const TIME_ZONE = 'Europe/Amsterdam';

const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const relativeCache = new Map<string, Intl.RelativeTimeFormat>();

export function localeFor(language: Language): string {
  return LOCALES[language];
}

/** One Intl date formatter per language and options: building one costs far more than using it. */
export function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localeFor(language), options);
    dateFormats.set(key, format);
  }
  return format;
}

/** "26 nov 2026, 09:07" — date and time in Europe/Amsterdam. */
export function formatDateTime(iso: string, language: Language): string {
  return dateFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
}

/** "26 nov 2026" in Europe/Amsterdam. */
export function formatDate(iso: string, language: Language): string {
  return dateFormat(language, { dateStyle: 'medium', timeZone: TIME_ZONE }).format(new Date(iso));
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "18 min ago", "yesterday", "8 days ago": the unit an engineer would say out loud. */
export function formatRelative(iso: string, now: number, language: Language): string {
  let format = relativeCache.get(language);
  if (!format) {
    format = new Intl.RelativeTimeFormat(localeFor(language), { numeric: 'auto', style: 'short' });
    relativeCache.set(language, format);
  }
  const seconds = (new Date(iso).getTime() - now) / 1000;
  const size = Math.abs(seconds);
  if (size < 45) return format.format(0, 'second');
  if (size < 45 * MINUTE) return format.format(Math.round(seconds / MINUTE), 'minute');
  if (size < 22 * HOUR) return format.format(Math.round(seconds / HOUR), 'hour');
  if (size < 14 * DAY) return format.format(Math.round(seconds / DAY), 'day');
  if (size < 60 * DAY) return format.format(Math.round(seconds / (7 * DAY)), 'week');
  if (size < 365 * DAY) return format.format(Math.round(seconds / (30.44 * DAY)), 'month');
  return format.format(Math.round(seconds / (365.25 * DAY)), 'year');
}

/** "Mon 29 Dec, 10:00": a due instant, with its weekday because SLAs skip weekends. */
export function formatDue(iso: string, language: Language, timeZone: string = TIME_ZONE): string {
  const options = {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  } as const;
  return dateFormat(language, options).format(new Date(iso));
}

/** "Mon 22 Dec" for a local date `YYYY-MM-DD` (no zone: it is a calendar day). */
export function formatDayHeading(date: string, language: Language): string {
  return dateFormat(language, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** "22 Dec 2026" for a local date `YYYY-MM-DD`. */
export function formatLocalDate(date: string, language: Language): string {
  return dateFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}
