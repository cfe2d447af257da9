import { z } from 'zod';
import type { BillingText } from '../messages/catalog';
import { parseOrThrow } from '../validation';
import { BillingMonth } from './month';
import { type BillableEntry, billedLines, type RoundingOptions, totalOf } from './rounding';

/**
 * Bundling: rounding is per ticket per month, so ten small questions in ten tickets bill ten
 * rounded-up increments; in one ticket, one ("bundle small questions in one ticket", the seed).
 * This computes what merging tickets saves in billed minutes, and suggests it when one client has
 * several small open tickets. It only advises: merging is a mutation, done by a person.
 */

export interface BundlingSavings extends BillingText {
  ticketIds: string[];
  /** Billed (rounded) minutes of these tickets kept apart, and merged into one. */
  apartMinutes: number;
  togetherMinutes: number;
  savedMinutes: number;
}

const TicketIds = z.array(z.string().min(1)).min(2).max(1000);

/**
 * What merging `ticketIds` into one saves over every month their entries fall in. `entries` may
 * hold other tickets' time too; only these tickets' entries count. Never negative: a merged
 * month rounds up once instead of once per ticket.
 */
export function bundlingSavings(entries: readonly BillableEntry[], ticketIds: readonly string[], options: RoundingOptions): BundlingSavings {
  const ids = [...new Set(parseOrThrow(TicketIds, ticketIds, 'tickets'))];
  const chosen = new Set(ids);
  const mine = entries.filter((e) => e.ticketId !== null && chosen.has(e.ticketId));
  const apartMinutes = totalOf(billedLines(mine, options)).roundedMinutes;
  const merged = mine.map((e) => ({ ...e, ticketId: ids[0]! }));
  const togetherMinutes = totalOf(billedLines(merged, options)).roundedMinutes;
  const savedMinutes = apartMinutes - togetherMinutes;
  return {
    ticketIds: ids,
    apartMinutes,
    togetherMinutes,
    savedMinutes,
    key: 'billing.bundling.saves',
    params: { count: ids.length, saved: savedMinutes, apart: apartMinutes, together: togetherMinutes },
  };
}

export const BundlingQuestion = z.strictObject({
  /** The client's open tickets (entries of one client only: the caller picks them). */
  openTicketIds: z.array(z.string().min(1)).max(10_000),
  month: BillingMonth,
  /** A ticket is small when its billable support time that month is at most this; default the increment. */
  smallMinutes: z.number().int().min(1).max(24 * 60).optional(),
  /** How many small tickets make a suggestion; default 3. */
  minTickets: z.number().int().min(2).max(100).default(3),
});
export type BundlingQuestion = z.input<typeof BundlingQuestion>;

/**
 * The suggestion to bundle a client's small open support tickets of `month`, with what it saves;
 * null when there are fewer than `minTickets` of them or bundling would save nothing.
 */
export function bundlingSuggestion(entries: readonly BillableEntry[], question: BundlingQuestion, options: RoundingOptions): BundlingSavings | null {
  const q = parseOrThrow(BundlingQuestion, question, 'bundling question');
  const open = new Set(q.openTicketIds);
  const smallMinutes = q.smallMinutes ?? options.incrementMinutes;
  const support = entries.filter((e) => e.ticketId !== null && open.has(e.ticketId) && e.scope === 'support');
  const small = billedLines(support, options).filter(
    (l) => l.month === q.month && l.billableRawMinutes > 0 && l.billableRawMinutes <= smallMinutes,
  );
  if (small.length < q.minTickets) return null;
  const counted = new Set(small.flatMap((l) => l.entryIds));
  const savings = bundlingSavings(
    support.filter((e) => counted.has(e.id)),
    small.map((l) => l.ticketId!),
    options,
  );
  return savings.savedMinutes > 0 ? savings : null;
}
