import { z } from 'zod';
import { assertTimeZone, DAY_MS, localToUtc, utcToLocal } from '../sla/zone';

/**
 * Billing months: `YYYY-MM` in the contract's time zone. Time is billed per ticket per month, so
 * which month an instant falls in is decided on the wall clock of the contract's zone, never in
 * UTC: 2026-03-31T22:30Z is already 1 April 00:30 in Amsterdam (CEST) and bills in April. The zone
 * arithmetic is the SLA engine's (`shared/sla/zone.ts`, Intl's zone data), exact across DST.
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const BillingMonth = z.string().regex(MONTH, { message: 'format.month' });
export type BillingMonth = z.infer<typeof BillingMonth>;

function parts(month: string): [number, number] {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`not a billing month: ${month}`);
  return [Number(m[1]), Number(m[2])];
}

/** `YYYY-MM` of a year and a 1-based month number (any integer: 13 is January of the next year). */
function monthText(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month - 1, 1));
  return d.toISOString().slice(0, 7);
}

/** The billing month the instant `utcMs` falls in, on the wall clock of `timeZone`. */
export function monthOfInstant(utcMs: number, timeZone: string): string {
  const local = new Date(utcToLocal(timeZone, utcMs));
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  // Built from numbers: a statement asks this for every entry, and an ISO string per entry costs.
  if (year >= 1000 && year <= 9999) return `${year}-${month < 10 ? '0' : ''}${month}`;
  return new Date(Math.floor(local.getTime() / DAY_MS) * DAY_MS).toISOString().slice(0, 7);
}

/** The billing month of a local date `YYYY-MM-DD` (a purchase, an audit). */
export function monthOfDate(localDate: string): string {
  return localDate.slice(0, 7);
}

/** `month` moved by `n` months (negative goes back). */
export function addMonths(month: string, n: number): string {
  const [y, m] = parts(month);
  return monthText(y, m + n);
}

/** Whole months from `a` to `b` (negative when `b` is earlier). */
export function monthsBetween(a: string, b: string): number {
  const [ya, ma] = parts(a);
  const [yb, mb] = parts(b);
  return (yb - ya) * 12 + (mb - ma);
}

/**
 * The instants of `month` in `timeZone`, as UTC ms `[start, end)`: from local midnight of the 1st
 * to local midnight of the next month's 1st. A month holding a DST change is an hour shorter or
 * longer than its days suggest.
 */
export function monthRangeUtc(month: string, timeZone: string): [number, number] {
  assertTimeZone(timeZone);
  const [y, m] = parts(month);
  return [localToUtc(timeZone, Date.UTC(y, m - 1, 1)), localToUtc(timeZone, Date.UTC(y, m, 1))];
}
