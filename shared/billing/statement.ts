import type { BudgetLine } from '../domain/budget';
import type { Contract } from '../domain/contract';
import { type Category, PRIORITIES, type Priority } from '../domain/incident';
import type { ClockState, IncidentClocks } from '../sla/clocks';
import { parseOrThrow } from '../validation';
import { allInMonth, type AllInMonth, type AuditDue, securityAuditDue } from './allIn';
import { bundleLedger, monthDraws } from './bundle';
import { billableOf, type BillingTimeEntry, ledgerInputOf } from './clientBundle';
import { BillingMonth, monthRangeUtc } from './month';
import { billedLinesByMonth, versionForMonth } from './monthTerms';
import type { BilledLine, MinutesTotal, Scope } from './rounding';
import { totalOf } from './rounding';
import { subscriptionMonth, type SubscriptionMonth } from './subscription';
import { billingTermsOf } from './terms';

/**
 * A client's month statement (docs/billing.md, "Statements"): pure — what is stored in, the
 * statement out, so the engine, the CLI and the office server give the same numbers. The month
 * is billed by the contract version in force on its first day (monthTerms.ts).
 */

export interface StatementTicket {
  id: string;
  title: string;
  category: Category | null;
}

/** An incident's SLA outcome, from the SLA engine's clocks (core/sla, server/http/slaViews). */
export interface SlaOutcome {
  incidentId: string;
  priority: Priority;
  response: ClockState;
  resolution: ClockState;
  /** When the resolution clock stopped (resolved), or null. */
  resolvedAt: number | null;
  /** When the resolution target falls (or fell), or null (best effort, paused, met). */
  resolutionDueAt: number | null;
}

export interface StatementInput {
  client: { id: string; code: string; name: string };
  month: string;
  contracts: readonly Pick<Contract, 'id' | 'effectiveFrom' | 'createdAt' | 'terms'>[];
  /** The client's time entries (all months: a prepaid balance before the month needs them). */
  entries: readonly BillingTimeEntry[];
  tickets: readonly StatementTicket[];
  /** Engineer id → name; an unknown id shows as itself. */
  engineers: ReadonlyMap<string, string>;
  budgetLines: readonly BudgetLine[];
  incidents: readonly SlaOutcome[];
  /** Last security audit day of an all-in contract (none recorded yet: null). */
  lastAuditOn?: string | null;
  nowMs: number;
}

export interface StatementLine {
  ticketId: string | null;
  title: string | null;
  category: Category | null;
  scope: Scope;
  engineers: string[];
  entryCount: number;
  rawMinutes: number;
  billableRawMinutes: number;
  roundedMinutes: number;
}

export interface PrepaidMonth {
  balanceBeforeMinutes: number;
  purchasedMinutes: number;
  drawnMinutes: number;
  expiredMinutes: number;
  balanceAfterMinutes: number;
  overrunAfterMinutes: number;
}

export interface SlaPriorityRow {
  priority: Priority;
  incidents: number;
  responseMet: number;
  responseMissed: number;
  resolutionMet: number;
  resolutionMissed: number;
}

export interface Statement {
  client: { id: string; code: string; name: string };
  month: string;
  contractId: string | null;
  costModel: Contract['terms']['costModel'] | null;
  incrementMinutes: number;
  timeZone: string;
  /** Support lines, by ticket; time without a ticket last. */
  support: StatementLine[];
  /** Change-request lines: billed on their own quote, never from the support budget. */
  changeRequests: StatementLine[];
  supportTotal: MinutesTotal;
  changeRequestTotal: MinutesTotal;
  prepaid: PrepaidMonth | null;
  subscription: SubscriptionMonth | null;
  allIn: (AllInMonth & { audit: AuditDue }) | null;
  sla: SlaPriorityRow[];
  /** No time and no SLA outcome this month: an empty statement, not an error. */
  empty: boolean;
}

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function dayBefore(month: string): string {
  return new Date(Date.parse(`${month}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

function prepaidMonth(input: StatementInput, billed: readonly BilledLine[]): PrepaidMonth {
  const { purchases, draws } = ledgerInputOf(input.budgetLines);
  const ledgerInput = { purchases, draws: [...draws, ...monthDraws(billed)] };
  const before = bundleLedger({ ...ledgerInput, asOf: dayBefore(input.month) });
  const after = bundleLedger({ ...ledgerInput, asOf: lastDayOf(input.month) });
  return {
    balanceBeforeMinutes: before.balanceMinutes,
    purchasedMinutes: after.purchasedMinutes - before.purchasedMinutes,
    drawnMinutes: after.drawnMinutes - before.drawnMinutes,
    expiredMinutes: after.expiredMinutes - before.expiredMinutes,
    balanceAfterMinutes: after.balanceMinutes,
    overrunAfterMinutes: after.overrunMinutes,
  };
}

function slaRows(incidents: readonly SlaOutcome[], range: [number, number]): SlaPriorityRow[] {
  const inMonth = (t: number | null) => t !== null && t >= range[0] && t < range[1];
  const rows = PRIORITIES.map((priority) => ({ priority, incidents: 0, responseMet: 0, responseMissed: 0, resolutionMet: 0, resolutionMissed: 0 }));
  for (const i of incidents) {
    // Resolved this month, or its resolution target fell this month (met or not).
    if (!inMonth(i.resolvedAt) && !inMonth(i.resolutionDueAt)) continue;
    const row = rows[PRIORITIES.indexOf(i.priority)]!;
    row.incidents += 1;
    if (i.response === 'met') row.responseMet += 1;
    else if (i.response === 'breached') row.responseMissed += 1;
    if (i.resolution === 'met') row.resolutionMet += 1;
    else if (i.resolution === 'breached') row.resolutionMissed += 1;
  }
  return rows;
}

export function monthStatement(input: StatementInput): Statement {
  const month = parseOrThrow(BillingMonth, input.month, 'month');
  const version = versionForMonth(input.contracts, month);
  const terms = version ? billingTermsOf(version.terms) : null;
  const timeZone = terms?.timeZone ?? 'UTC';
  const entries = new Map(input.entries.map((e) => [e.id, e]));
  const billable = input.entries.map((e) => billableOf(e, input.nowMs)).filter((e) => e !== null);
  const billed = billedLinesByMonth(billable, input.contracts);
  const ofMonth = billed.filter((l) => l.month === month);
  const tickets = new Map(input.tickets.map((t) => [t.id, t]));

  const toLine = (l: BilledLine): StatementLine => {
    const ticket = l.ticketId === null ? undefined : tickets.get(l.ticketId);
    const names = new Set(l.entryIds.map((id) => entries.get(id)!.engineerId).map((id) => input.engineers.get(id) ?? id));
    return {
      ticketId: l.ticketId,
      title: ticket?.title ?? null,
      category: ticket?.category ?? null,
      scope: l.scope,
      engineers: [...names].sort(),
      entryCount: l.entryIds.length,
      rawMinutes: l.rawMinutes,
      billableRawMinutes: l.billableRawMinutes,
      roundedMinutes: l.roundedMinutes,
    };
  };
  const support = ofMonth.filter((l) => l.scope === 'support');
  const changes = ofMonth.filter((l) => l.scope === 'change_request');
  const sla = slaRows(input.incidents, monthRangeUtc(month, timeZone));
  const model = terms?.costModel ?? null;
  return {
    client: input.client,
    month,
    contractId: version && 'id' in version ? version.id : null,
    costModel: model,
    incrementMinutes: terms?.incrementMinutes ?? 1,
    timeZone,
    support: support.map(toLine),
    changeRequests: changes.map(toLine),
    supportTotal: totalOf(support),
    changeRequestTotal: totalOf(changes),
    prepaid: model === 'prepaid' ? prepaidMonth(input, billed) : null,
    subscription: model === 'subscription' && terms?.subscription ? subscriptionMonth(ofMonth, month, terms) : null,
    allIn:
      model === 'all_in' && terms?.allIn && version
        ? {
            ...allInMonth(ofMonth, month, terms),
            audit: securityAuditDue({
              everyMonths: terms.allIn.securityAuditEveryMonths,
              since: input.contracts.filter((c) => c.terms.costModel === 'all_in').reduce((a, c) => (c.effectiveFrom < a ? c.effectiveFrom : a), version.effectiveFrom),
              lastAuditOn: input.lastAuditOn ?? null,
              asOf: lastDayOf(month),
            }),
          }
        : null,
    sla,
    empty: ofMonth.length === 0 && sla.every((r) => r.incidents === 0),
  };
}

/** An incident's outcome for the statement from its SLA clocks (null clocks: no contract, no SLA). */
export function slaOutcomeOf(incidentId: string, clocks: IncidentClocks | null): SlaOutcome | null {
  if (!clocks) return null;
  const { response, resolution } = clocks;
  return {
    incidentId,
    priority: clocks.priority,
    response: response.state,
    resolution: resolution.state,
    resolvedAt: resolution.running ? null : resolution.stoppedAt,
    resolutionDueAt: resolution.dueAt ?? resolution.breachedAt,
  };
}
