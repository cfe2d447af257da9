import type { Language } from './i18n';

/** All times are shown in the agency's zone, whatever the laptop's clock says. */
export const TIME_ZONE = 'Europe/Amsterdam';

const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

const absoluteCache = new Map<string, Intl.DateTimeFormat>();
const relativeCache = new Map<string, Intl.RelativeTimeFormat>();

export function localeFor(language: Language): string {
  return LOCALES[language];
}

/** "26 nov 2026, 09:07" — date and time in Europe/Amsterdam. */
export function formatDateTime(iso: string, language: Language): string {
  let format = absoluteCache.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE });
    absoluteCache.set(language, format);
  }
  return format.format(new Date(iso));
}

/** "26 nov 2026" in Europe/Amsterdam. */
export function formatDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'medium', timeZone: TIME_ZONE }).format(new Date(iso));
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
