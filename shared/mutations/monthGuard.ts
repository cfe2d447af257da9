import { monthOfInstant } from '../billing/month';
import type { MonthClose } from '../domain/monthClose';
import { monthCloseId } from '../domain/monthClose';
import { VangnetError } from '../errors';
import { LIST_READ_MAX, type ListRead, type RowRead } from './define';

/**
 * The closed-month guard of the time mutations (docs/time.md, "Closed months"). Which month an
 * instant bills in depends on the contract's zone, which only the close row knows; but every zone
 * lies within ±14 h of UTC, so the month is one of the (at most two) UTC months of `at ± 14 h`.
 * A mutation reads those close rows by id (bounded, both hosts alike) and asks each whether the
 * instant falls in its month on its own zone's wall clock.
 */
const SPREAD_MS = 14 * 3_600_000;

function candidateMonths(atIso: string): [string, string] {
  const ms = Date.parse(atIso);
  return [monthOfInstant(ms - SPREAD_MS, 'UTC'), monthOfInstant(ms + SPREAD_MS, 'UTC')];
}

/** The two reads (`${prefix}0`, `${prefix}1`) of the close rows that may hold `atIso` for `clientId`. */
export function closeReads<P extends string>(prefix: P, clientId: string, atIso: string): Record<`${P}${0 | 1}`, RowRead<'monthCloses'>> {
  const [a, b] = candidateMonths(atIso);
  const read = (month: string): RowRead<'monthCloses'> => ({ table: 'monthCloses', by: 'id', value: monthCloseId(clientId, month) });
  return { [`${prefix}0`]: read(a), [`${prefix}1`]: read(b) } as Record<`${P}${0 | 1}`, RowRead<'monthCloses'>>;
}

/** The closed month `atIso` bills in, among the loaded close rows, or null when it is open. */
export function closedMonthOf(atIso: string, rows: readonly (MonthClose | undefined)[]): MonthClose | null {
  const ms = Date.parse(atIso);
  return rows.find((r) => r !== undefined && r.closed && monthOfInstant(ms, r.timeZone) === r.month) ?? null;
}

/** Refuses a change to time that bills in a closed month: corrections are new entries in an open one. */
export function refuseClosed(atIso: string, rows: readonly (MonthClose | undefined)[], path: string): void {
  const closed = closedMonthOf(atIso, rows);
  if (closed)
    throw new VangnetError('conflict', 'time.monthClosed', { month: closed.month }, [
      { path, code: 'monthClosed', params: { month: closed.month } },
    ]);
}

/**
 * The read of every close row of a client, for a mutation that moves a ticket's entries (a merge,
 * a conversion across the scope line): the entries may start in any month, and a client closes at
 * most one row per month, so one bounded list holds them all.
 */
export function clientClosesRead(clientId: string): ListRead<'monthCloses'> {
  return { table: 'monthCloses', where: { clientId }, orderBy: [{ field: 'month' }], limit: LIST_READ_MAX };
}

/**
 * Entries split by whether they start in a closed month (docs/billing.md, "Closed months and moved
 * tickets"): billed time stays as billed, so a merge or a conversion moves only the `open` ones and
 * says how many it `kept`.
 */
export function splitByClosedMonth<E extends { startedAt: string }>(entries: readonly E[], closes: readonly MonthClose[]): { open: E[]; kept: E[] } {
  const closed = closes.filter((c) => c.closed);
  const open: E[] = [];
  const kept: E[] = [];
  for (const e of entries) (closed.length > 0 && closedMonthOf(e.startedAt, closed) ? kept : open).push(e);
  return { open, kept };
}
