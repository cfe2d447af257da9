import { bundleLedger } from '../billing/bundle';
import { bundleAlertsDue, openMinutes } from '../billing/bundleAlerts';
import { type ClientBundleInput, clientLedgerInput } from '../billing/clientBundle';

/**
 * A prepaid bundle over time, for the Reports room's burn-down chart: the balance at the end of
 * every day the ledger changes (a purchase, a draw, an expiry), read by `bundleLedger` itself as of
 * that day — so the chart can never tell another story than the balance the bundle view shows.
 * Threshold levels are the contract's percentages of the purchases still holding minutes now.
 */

export interface BurndownPoint {
  day: string;
  balanceMinutes: number;
  purchasedMinutes: number;
  drawnMinutes: number;
  expiredMinutes: number;
}

export interface Burndown {
  asOf: string;
  prepaid: boolean;
  points: BurndownPoint[];
  purchases: { id: string; day: string; minutes: number }[];
  expiries: { purchaseId: string; day: string; minutes: number }[];
  /** What the threshold percentages are of: the purchases still holding minutes (or the newest one). */
  baseMinutes: number;
  thresholds: { percent: number; minutes: number }[];
  balanceMinutes: number;
  remainingPercent: number;
}

function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function bundleBurndown(input: ClientBundleInput): Burndown {
  const { asOf, terms, purchases, draws } = clientLedgerInput(input);
  const final = bundleLedger({ purchases, draws, asOf });
  const days = new Set<string>();
  for (const p of final.purchases) {
    days.add(p.purchasedOn);
    if (p.validThrough !== null && p.validThrough < asOf) days.add(dayAfter(p.validThrough));
  }
  for (const d of final.draws) days.add(d.on);
  days.add(asOf);
  const points = [...days]
    .filter((d) => d <= asOf)
    .sort()
    .map<BurndownPoint>((day) => {
      const l = day === asOf ? final : bundleLedger({ purchases, draws, asOf: day });
      return {
        day,
        balanceMinutes: l.balanceMinutes,
        purchasedMinutes: l.purchasedMinutes,
        drawnMinutes: l.drawnMinutes,
        expiredMinutes: l.expiredMinutes,
      };
    });
  const newest = final.purchases[final.purchases.length - 1];
  const open = openMinutes(final);
  const baseMinutes = open > 0 ? open : (newest?.minutes ?? 0);
  const percents = terms?.prepaid.notifyThresholdsPercent ?? [];
  return {
    asOf,
    prepaid: terms?.costModel === 'prepaid',
    points,
    purchases: final.purchases.map((p) => ({ id: p.id, day: p.purchasedOn, minutes: p.minutes })),
    expiries: final.purchases
      .filter((p) => p.expiredMinutes > 0 && p.validThrough !== null)
      .map((p) => ({ purchaseId: p.id, day: dayAfter(p.validThrough as string), minutes: p.expiredMinutes })),
    baseMinutes,
    thresholds: percents.map((percent) => ({ percent, minutes: Math.floor((percent * baseMinutes) / 100) })),
    balanceMinutes: final.balanceMinutes,
    remainingPercent: bundleAlertsDue(final, percents, []).remainingPercent,
  };
}
