import type { TFunction } from 'i18next';
import type { Language } from '../../i18n/i18n';
import { dateFormat, localeFor } from '../../i18n/format';

/** Numbers and months of the Reports room, in the interface language. */

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Minutes as hours with at most one decimal, in the language's digits: "12,5 u", "12.5 h". */
export function formatHours(t: TFunction, minutes: number, language: Language): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(localeFor(language), { maximumFractionDigits: 1 });
    numberFormats.set(language, format);
  }
  return t('reports.hours', { hours: format.format(Math.round(minutes / 6) / 10) });
}

/** "Sep 2026" / "sep 2026" for `YYYY-MM`. */
export function formatMonth(month: string, language: Language, long = false): string {
  return dateFormat(language, { month: long ? 'long' : 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-15T12:00:00Z`),
  );
}

/** The period's words: "Sep 2026 – Nov 2026", or one month. */
export function formatPeriod(from: string, to: string, language: Language): string {
  return from === to ? formatMonth(from, language, true) : `${formatMonth(from, language, true)} – ${formatMonth(to, language, true)}`;
}
