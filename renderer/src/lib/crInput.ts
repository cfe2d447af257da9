/**
 * What an engineer types for a change request, read the way they write it: hours with a comma or a
 * point ("1,5" or "1.5"), euros with or without cents ("950", "1250,50", "€ 1.250,50"). Empty is
 * "not given"; anything else that is not a sound number is `NaN`, for the form to name.
 */
function decimal(text: string): number | undefined {
  let s = text.replace(/[€\s]/g, '');
  if (s === '') return undefined;
  // A point followed by three digits before a comma is a thousands separator (1.250,50).
  if (s.includes(',')) s = s.replace(/\.(?=\d{3}(,|$))/g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/** Whole minutes of an estimate in hours; NaN for zero, negative or unreadable. */
export function estimateMinutesOf(text: string): number | undefined {
  const hours = decimal(text);
  if (hours === undefined) return undefined;
  const minutes = Math.round(hours * 60);
  return minutes > 0 ? minutes : Number.NaN;
}

/** Euro cents of a quote; NaN for unreadable or more than two decimals. */
export function quoteCentsOf(text: string): number | undefined {
  const euros = decimal(text);
  if (euros === undefined || Number.isNaN(euros)) return euros;
  const cents = Math.round(euros * 100);
  return Math.abs(cents - euros * 100) < 1e-6 ? cents : Number.NaN;
}

/** Minutes as hours for the form: 90 → "1.5". */
export const hoursText = (minutes: number | null): string => (minutes === null ? '' : String(Math.round((minutes / 60) * 100) / 100));
/** Cents as euros for the form: 125050 → "1250.50". */
export const eurosText = (cents: number | null): string => (cents === null ? '' : (cents / 100).toFixed(2));
