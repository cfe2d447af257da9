import type { Actor } from '../domain/common';
import { VangnetError } from '../errors';
import type { BillingText } from '../messages/catalog';
import { hasRole } from '../permissions';
import type { Ledger } from './bundle';
import type { OverrunPolicy } from './terms';

/**
 * What a prepaid bundle's ledger means for people: low-balance thresholds that notify once each,
 * and the overrun policy (warn, or refuse new timers until a lead overrides).
 */

/** Minutes as `h:mm` (`-0:30` when over): locale-neutral, so both languages show it as is. */
export function hoursText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : ''}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
}

/** A threshold already notified, for the purchase that was newest then: a newer purchase re-arms them all. */
export interface NotifiedThreshold {
  thresholdPercent: number;
  purchaseId: string | null;
}

export interface BundleAlert extends BillingText {
  thresholdPercent: number;
}

export interface BundleAlerts {
  /** The newest purchase: notifications are recorded against it. */
  card: string | null;
  /** What is left of the purchases still holding minutes, 0–100 (0 when nothing is left). */
  remainingPercent: number;
  /** Thresholds reached and not yet notified for this card, highest first. */
  due: BundleAlert[];
}

/** Minutes of the purchases that still hold minutes: what "percent left" is a percentage of. */
export function openMinutes(ledger: Ledger): number {
  return ledger.purchases.filter((p) => p.status === 'open' && p.remainingMinutes > 0).reduce((s, p) => s + p.minutes, 0);
}

/**
 * The thresholds (`thresholdsPercent`, e.g. 25, 10, 0) the balance has reached: a threshold is
 * reached when what is left is at most that percentage of the purchases still holding minutes;
 * 0 is reached when nothing is left. Several may come due at once (a large draw); each is
 * returned once, and not again after the caller records it in `notified` — until a newer
 * purchase re-arms them. A ledger with no lines has nothing to say.
 */
export function bundleAlertsDue(ledger: Ledger, thresholdsPercent: readonly number[], notified: readonly NotifiedThreshold[]): BundleAlerts {
  const card = ledger.purchases.reduce<string | null>((_, p) => p.id, null);
  const base = openMinutes(ledger);
  const left = Math.max(0, ledger.balanceMinutes);
  const remainingPercent = base === 0 ? 0 : Math.floor((left * 100) / base);
  if (ledger.purchases.length === 0 && ledger.draws.length === 0) return { card, remainingPercent, due: [] };
  const done = new Set(notified.filter((n) => n.purchaseId === card).map((n) => n.thresholdPercent));
  const due: BundleAlert[] = [];
  for (const t of [...new Set(thresholdsPercent)].sort((a, b) => b - a)) {
    const reached = t === 0 ? left === 0 : left * 100 <= t * base;
    if (!reached || done.has(t)) continue;
    due.push({ thresholdPercent: t, ...lowText(ledger, t, left, base) });
  }
  return { card, remainingPercent, due };
}

function lowText(ledger: Ledger, threshold: number, left: number, base: number): BillingText {
  if (threshold > 0) return { key: 'billing.bundle.threshold', params: { threshold, remaining: hoursText(left), total: hoursText(base) } };
  return ledger.overrunMinutes > 0
    ? { key: 'billing.bundle.overrun', params: { overrun: hoursText(ledger.overrunMinutes) } }
    : { key: 'billing.bundle.empty', params: {} };
}

export type OverrunDecision =
  | { kind: 'allow' }
  /** Go ahead, and show the warning. */
  | ({ kind: 'warn' } & BillingText)
  /** Go ahead: a lead overrode the block. The caller writes this text into the audit trail. */
  | ({ kind: 'override' } & BillingText)
  /** Refuse the new timer with `error`. */
  | { kind: 'refuse'; error: VangnetError };

export interface OverrunQuestion {
  policy: OverrunPolicy;
  ledger: Pick<Ledger, 'balanceMinutes' | 'overrunMinutes'>;
  actor: Actor;
  /** The actor asks to override a block (only a lead or admin may). */
  override: boolean;
  clientName: string;
}

/**
 * May a new timer start on this client? While the bundle holds minutes, yes. When nothing is left:
 * `warn` lets it start with a warning; `block` refuses it (`forbidden`, saying a lead can
 * override), unless a lead asks to override — then it starts, and the override is to be audited.
 */
export function overrunDecision(q: OverrunQuestion): OverrunDecision {
  if (q.ledger.balanceMinutes > 0) return { kind: 'allow' };
  const overrun = hoursText(q.ledger.overrunMinutes);
  if (q.policy === 'warn') return { kind: 'warn', key: 'billing.overrun.warn', params: { overrun } };
  if (q.override && hasRole(q.actor, 'lead'))
    return { kind: 'override', key: 'billing.overrun.overridden', params: { name: q.actor.name, client: q.clientName, overrun } };
  return {
    kind: 'refuse',
    error: new VangnetError('forbidden', 'billing.overrunBlocked', { overrun, client: q.clientName, role: 'lead' }),
  };
}
