import { invalidArgs, parseOrThrow } from '../validation';
import { BillingMonth } from './month';
import { type BilledLine, totalOf } from './rounding';
import type { BillingTerms } from './terms';

/**
 * A subscription's month: the fee covers `includedMinutes` of support (rounded minutes, per
 * ticket per month); what goes beyond is overage at the hourly rate. Change-request time is
 * reported apart and never uses the allowance. Money in integer euro cents.
 */
export interface SubscriptionMonth {
  month: string;
  includedMinutes: number;
  /** Support, rounded; its raw minutes beside it. */
  usedMinutes: number;
  rawMinutes: number;
  overageMinutes: number;
  /** Rounded change-request minutes: billed on their own quote, not here. */
  changeRequestMinutes: number;
  feeCents: number;
  /** null when the contract has no hourly rate to price overage with. */
  overageCents: number | null;
  totalCents: number | null;
}

/** `minutes` at `rateCents` an hour, in cents, half a cent rounded up. */
export function priceCents(minutes: number, rateCents: number): number {
  return Math.floor((minutes * rateCents + 30) / 60);
}

export function subscriptionMonth(lines: readonly BilledLine[], month: string, terms: BillingTerms): SubscriptionMonth {
  parseOrThrow(BillingMonth, month, 'month');
  if (!terms.subscription) throw invalidArgs('contract terms', [{ path: 'subscription', code: 'required' }]);
  const { monthlyFeeCents, includedMinutes } = terms.subscription;
  const support = totalOf(lines, (l) => l.month === month && l.scope === 'support');
  const changes = totalOf(lines, (l) => l.month === month && l.scope === 'change_request');
  const overageMinutes = Math.max(0, support.roundedMinutes - includedMinutes);
  // No rate and no overage is still a fully priced month: the fee alone.
  const overageCents = overageMinutes === 0 ? 0 : terms.hourlyRateCents === null ? null : priceCents(overageMinutes, terms.hourlyRateCents);
  return {
    month,
    includedMinutes,
    usedMinutes: support.roundedMinutes,
    rawMinutes: support.rawMinutes,
    overageMinutes,
    changeRequestMinutes: changes.roundedMinutes,
    feeCents: monthlyFeeCents,
    overageCents,
    totalCents: overageCents === null ? null : monthlyFeeCents + overageCents,
  };
}
