import type { Contract } from '../domain/contract';
import { contractInForce } from '../domain/slaInputs';
import type { TimeEntry } from '../domain/time';
import { localDateString, utcToLocal } from '../sla/zone';
import { allInMonth, type AllInMonth, type AuditDue, securityAuditDue } from './allIn';
import { billableOf } from './clientBundle';
import { monthRangeUtc } from './month';
import { billedLinesByMonth, versionForMonth } from './monthTerms';
import { type BillableEntry, type BilledLine } from './rounding';
import { subscriptionMonth, type SubscriptionMonth } from './subscription';
import { billingTermsOf } from './terms';

/**
 * A client's month under the contract version in force then (docs/billing.md, "Month views"): the
 * subscription's allowance and overage, or the all-in capacity used and the security audit's due
 * item, from the client's finished time entries rounded per ticket per month. Pure: the contract
 * call (`budget.month`) and the CLI (`vangnet budget month`) give the same numbers.
 */

export interface ClientMonth {
  month: string;
  /** The cost model of the version billing the month (in force on its first day); null without a contract. */
  costModel: Contract['terms']['costModel'] | null;
  /** That version's first day. */
  contractFrom: string | null;
  /** Support and change-request lines of the month, per ticket: raw beside rounded. */
  lines: BilledLine[];
  subscription: SubscriptionMonth | null;
  allIn: AllInMonth | null;
  /** The next security audit (all-in only), as of the month's end or today; no audit is recorded yet, so counted from the contract's start. */
  audit: AuditDue | null;
}

export interface ClientMonthInput {
  entries: readonly TimeEntry[];
  contracts: readonly Contract[];
  nowMs: number;
  month: string;
}

export function clientMonth(input: ClientMonthInput): ClientMonth {
  const nowIso = new Date(input.nowMs).toISOString();
  const zoneNow = contractInForce(input.contracts, nowIso)?.terms.timeZone ?? 'UTC';
  const [, endMs] = monthRangeUtc(input.month, zoneNow);
  const atMs = Math.min(endMs - 1, input.nowMs);
  // The version billing the month: the one in force on its first day (monthTerms.ts), as statements use.
  const contract = versionForMonth(input.contracts, input.month);
  if (!contract) return { month: input.month, costModel: null, contractFrom: null, lines: [], subscription: null, allIn: null, audit: null };
  const terms = billingTermsOf(contract.terms);
  const billable = input.entries.map((e) => billableOf(e, input.nowMs)).filter((e): e is BillableEntry => e !== null);
  const lines = billedLinesByMonth(billable, input.contracts).filter((l) => l.month === input.month);
  const subscription = terms.costModel === 'subscription' && terms.subscription ? subscriptionMonth(lines, input.month, terms) : null;
  const allIn = terms.costModel === 'all_in' && terms.allIn ? allInMonth(lines, input.month, terms) : null;
  const audit =
    terms.costModel === 'all_in' && terms.allIn
      ? securityAuditDue({
          everyMonths: terms.allIn.securityAuditEveryMonths,
          since: contract.effectiveFrom,
          lastAuditOn: null,
          asOf: localDateString(utcToLocal(terms.timeZone, atMs)),
        })
      : null;
  return { month: input.month, costModel: terms.costModel, contractFrom: contract.effectiveFrom, lines, subscription, allIn, audit };
}
