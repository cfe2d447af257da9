import type { TFunction } from 'i18next';
import { dateFormat, localeFor } from '../../i18n/format';
import type { Language } from '../../i18n/i18n';

/** Minutes as "4 h 30 m" / "4 u 30 m" (a minus sign when over). */
export function hoursText(minutes: number, t: TFunction): string {
  const abs = Math.abs(minutes);
  const text = t('budget.hours', { h: Math.floor(abs / 60), m: abs % 60 });
  return minutes < 0 ? `−${text}` : text;
}

const money = new Map<Language, Intl.NumberFormat>();

/** Cents as euros in the locale's way: "€ 1.234,50" or "€1,234.50". */
export function euros(cents: number, language: Language): string {
  let format = money.get(language);
  if (!format) {
    format = new Intl.NumberFormat(localeFor(language), { style: 'currency', currency: 'EUR' });
    money.set(language, format);
  }
  return format.format(cents / 100);
}

/** "March 2026" / "maart 2026" for a billing month `YYYY-MM`. */
export function monthText(month: string, language: Language): string {
  return dateFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));
}

/**
 * Hours typed by a person ("2,5", "2.25", "-1.5") as whole minutes; null when it is not a number, is
 * not a whole number of minutes, or is 0.
 */
export function minutesOf(hours: string): number | null {
  const text = hours.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  const minutes = Number(text) * 60;
  const whole = Math.round(minutes);
  if (Math.abs(minutes - whole) > 1e-9 || whole === 0) return null;
  return whole;
}
