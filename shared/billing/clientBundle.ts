import type { BudgetLine } from '../domain/budget';
import type { Contract } from '../domain/contract';
import { contractInForce } from '../domain/slaInputs';
import { entryMinutes, type TimeEntry } from '../domain/time';
import { localDateString, utcToLocal } from '../sla/zone';
import { bundleAlertsDue } from './bundleAlerts';
import { bundleLedger, type Draw, type Ledger, monthDraws, type Purchase } from './bundle';
import { type BillableEntry, billedLines, MAX_ENTRY_MINUTES } from './rounding';
import { type BillingTerms, billingTermsOf, type OverrunPolicy } from './terms';

/**
 * A client's prepaid bundle from what is stored: the ledger lines (`budgetLines`) and the client's
 * time entries, through the pure core (bundle.ts, bundleAlerts.ts). One function, so the contract
 * call, the CLI and the overrun check in `timer.start` give the same numbers.
 *
 * - A purchase line is a purchase; a positive adjustment is a purchase that never expires; a
 *   negative adjustment is a draw of its minutes on its day (no ticket).
 * - Draws are the rounded support minutes per ticket per month of the client's finished entries,
 *   at the increment and in the zone of the contract version in force at `asOf` (one version for
 *   the whole history: a client whose increment changed is rounded by the current one).
 */

/** A finished entry with minutes, as rounding reads it; null for a running timer or one under a minute. */
export function billableOf(e: TimeEntry, nowMs: number): BillableEntry | null {
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
  remainingPercent: number;
  /** The thresholds the balance has reached, highest first (notifications are not stored yet). */
  thresholdsPassed: number[];
}

export interface ClientBundleInput {
  lines: readonly BudgetLine[];
  entries: readonly TimeEntry[];
  contracts: readonly Contract[];
  nowMs: number;
  /** A local day to read the ledger as of; default: today in the contract's zone. */
  asOf?: string;
}

/** What `bundleLedger` reads for a client, and the billing terms of its contract in force at `nowMs`. */
export interface ClientLedgerInput {
  asOf: string;
  terms: BillingTerms | null;
  purchases: Purchase[];
  draws: Draw[];
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
  const billed = billedLines(billable, { incrementMinutes: terms?.incrementMinutes ?? 1, timeZone });
  const { purchases, draws } = ledgerInputOf(input.lines);
  return { asOf, terms, purchases, draws: [...draws, ...monthDraws(billed)] };
}

export function clientBundle(input: ClientBundleInput): ClientBundle {
  const { asOf, terms, purchases, draws } = clientLedgerInput(input);
  const ledger = bundleLedger({ purchases, draws, asOf });
  const thresholdsPercent = terms?.prepaid.notifyThresholdsPercent ?? [];
  const alerts = bundleAlertsDue(ledger, thresholdsPercent, []);
  return {
    asOf,
    prepaid: terms?.costModel === 'prepaid',
    overrunPolicy: terms?.prepaid.overrunPolicy ?? 'warn',
    thresholdsPercent,
    ledger,
    remainingPercent: alerts.remainingPercent,
    thresholdsPassed: alerts.due.map((a) => a.thresholdPercent),
  };
}
