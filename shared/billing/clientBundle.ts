import type { BudgetLine } from '../domain/budget';
import type { Contract } from '../domain/contract';
import { contractInForce } from '../domain/slaInputs';
import { entryMinutes, type TimeEntry } from '../domain/time';
import { localDateString, utcToLocal } from '../sla/zone';
import { type BundleAlert, bundleAlertsDue, type NotifiedThreshold } from './bundleAlerts';
import { bundleLedger, type Draw, type Ledger, monthDraws, type Purchase } from './bundle';
import { billedLinesByMonth } from './monthTerms';
import { type BillableEntry, type BilledLine, MAX_ENTRY_MINUTES } from './rounding';
import { type BillingTerms, billingTermsOf, type OverrunPolicy } from './terms';

/**
 * A client's prepaid bundle from what is stored: the ledger lines (`budgetLines`) and the client's
 * time entries, through the pure core (bundle.ts, bundleAlerts.ts). One function, so the contract
 * call, the CLI and the overrun check in `timer.start` give the same numbers.
 *
 * - A purchase line is a purchase; a positive adjustment is a purchase that never expires; a
 *   negative adjustment is a draw of its minutes on its day (no ticket).
 * - Draws are the rounded support minutes per ticket per month of the client's finished entries,
 *   each month at the increment and in the zone of the contract version billing that month
 *   (monthTerms.ts: the version in force on the month's first day).
 */

/** What billing reads of a time entry (the statement reads only these columns). */
export type BillingTimeEntry = Pick<TimeEntry, 'id' | 'engineerId' | 'incidentId' | 'startedAt' | 'endedAt' | 'billable' | 'scope'>;

/** A finished entry with minutes, as rounding reads it; null for a running timer or one under a minute. */
export function billableOf(e: BillingTimeEntry, nowMs: number): BillableEntry | null {
  const minutes = Math.min(entryMinutes(e, nowMs), MAX_ENTRY_MINUTES);
  if (e.endedAt === null || minutes === 0) return null;
  return { id: e.id, ticketId: e.incidentId, startedAt: e.startedAt, minutes, billable: e.billable, scope: e.scope };
}

export function ledgerInputOf(lines: readonly BudgetLine[]): { purchases: Purchase[]; draws: Draw[] } {
  const purchases: Purchase[] = [];
  const draws: Draw[] = [];
  for (const l of lines) {
    if (l.minutes > 0) {
      const validThrough = l.kind === 'purchase' && l.validThrough !== null ? { validThrough: l.validThrough } : {};
      purchases.push({ id: l.id, hours: l.minutes / 60, purchasedOn: l.day, ...validThrough });
    } else draws.push({ id: l.id, ticketId: null, minutes: -l.minutes, on: l.day });
  }
  return { purchases, draws };
}

export interface ClientBundle {
  /** The local day (in the contract's zone) the ledger is read as of. */
  asOf: string;
  /** Whether the contract version in force is prepaid. */
  prepaid: boolean;
  overrunPolicy: OverrunPolicy;
  thresholdsPercent: number[];
  ledger: Ledger;
  /** The rounded lines the draws come from (support and change requests), per ticket per month. */
  billed: BilledLine[];
  remainingPercent: number;
  /** The newest purchase: the era thresholds are notified in (a newer purchase re-arms them). */
  card: string | null;
  /** The thresholds reached in this era, highest first: those notified and those due. */
  thresholdsPassed: number[];
  /** The thresholds of this era already notified (stored), highest first. */
  thresholdsNotified: number[];
  /** Reached and not yet notified: what the engine's budget watch notifies next, highest first. */
  due: BundleAlert[];
}

export interface ClientBundleInput {
  lines: readonly BudgetLine[];
  entries: readonly BillingTimeEntry[];
  contracts: readonly Contract[];
  nowMs: number;
  /** A local day to read the ledger as of; default: today in the contract's zone. */
  asOf?: string;
  /** The thresholds already notified (stored `budgetNotices`); default none. */
  notified?: readonly NotifiedThreshold[];
}

/** What `bundleLedger` reads for a client, and the billing terms of its contract in force at `nowMs`. */
export interface ClientLedgerInput {
  asOf: string;
  terms: BillingTerms | null;
  purchases: Purchase[];
  draws: Draw[];
  /** The client's billed lines, each month rounded by its contract version (monthTerms.ts). */
  billed: BilledLine[];
}

/**
 * The purchases and draws of a client's ledger (see above), and the day to read it as of. The
 * Reports room's burn-down reads the same input at several days (shared/reports/bundleBurndown.ts).
 */
export function clientLedgerInput(input: ClientBundleInput): ClientLedgerInput {
  const nowIso = new Date(input.nowMs).toISOString();
  const contract = contractInForce(input.contracts, nowIso);
  const terms = contract ? billingTermsOf(contract.terms) : null;
  const timeZone = terms?.timeZone ?? 'UTC';
  const asOf = input.asOf ?? localDateString(utcToLocal(timeZone, input.nowMs));
  const billable = input.entries.map((e) => billableOf(e, input.nowMs)).filter((e): e is BillableEntry => e !== null);
  const billed = billedLinesByMonth(billable, input.contracts);
  const { purchases, draws } = ledgerInputOf(input.lines);
  return { asOf, terms, purchases, draws: [...draws, ...monthDraws(billed)], billed };
}

export function clientBundle(input: ClientBundleInput): ClientBundle {
  const { asOf, terms, purchases, draws, billed } = clientLedgerInput(input);
  const ledger = bundleLedger({ purchases, draws, asOf });
  const thresholdsPercent = terms?.prepaid.notifyThresholdsPercent ?? [];
  const notified = input.notified ?? [];
  const alerts = bundleAlertsDue(ledger, thresholdsPercent, notified);
  const reached = bundleAlertsDue(ledger, thresholdsPercent, []).due.map((a) => a.thresholdPercent);
  const done = new Set(notified.filter((n) => n.purchaseId === alerts.card).map((n) => n.thresholdPercent));
  return {
    asOf,
    prepaid: terms?.costModel === 'prepaid',
    overrunPolicy: terms?.prepaid.overrunPolicy ?? 'warn',
    thresholdsPercent,
    ledger,
    billed,
    remainingPercent: alerts.remainingPercent,
    card: alerts.card,
    thresholdsPassed: reached,
    thresholdsNotified: [...done].filter((t) => thresholdsPercent.includes(t)).sort((a, b) => b - a),
    due: alerts.due,
  };
}
