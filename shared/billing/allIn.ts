import { z } from 'zod';
import type { BillingText } from '../messages/catalog';
import { LocalDate } from '../sla/calendar';
import { invalidArgs, parseOrThrow } from '../validation';
import { addMonths, BillingMonth, monthOfDate } from './month';
import { type BilledLine, totalOf } from './rounding';
import type { BillingTerms } from './terms';

/**
 * All-in: the agency guarantees a capacity of support minutes each month; this reports what was
 * used against it (rounded support minutes; change requests apart). And the periodic security
 * audit the all-in SLA includes, as a due item.
 */
export interface AllInMonth {
  month: string;
  capacityMinutes: number;
  usedMinutes: number;
  rawMinutes: number;
  remainingMinutes: number;
  overCapacityMinutes: number;
  /** Whole percent of the capacity used (may pass 100). */
  usedPercent: number;
  changeRequestMinutes: number;
}

export function allInMonth(lines: readonly BilledLine[], month: string, terms: BillingTerms): AllInMonth {
  parseOrThrow(BillingMonth, month, 'month');
  if (!terms.allIn) throw invalidArgs('contract terms', [{ path: 'allIn', code: 'required' }]);
  const { capacityMinutes } = terms.allIn;
  const support = totalOf(lines, (l) => l.month === month && l.scope === 'support');
  const used = support.roundedMinutes;
  return {
    month,
    capacityMinutes,
    usedMinutes: used,
    rawMinutes: support.rawMinutes,
    remainingMinutes: Math.max(0, capacityMinutes - used),
    overCapacityMinutes: Math.max(0, used - capacityMinutes),
    usedPercent: Math.floor((used * 100) / capacityMinutes),
    changeRequestMinutes: totalOf(lines, (l) => l.month === month && l.scope === 'change_request').roundedMinutes,
  };
}

const AuditQuestion = z.strictObject({
  everyMonths: z.number().int().min(1).max(24),
  /** The first day of the all-in contract: the first audit is due `everyMonths` later. */
  since: LocalDate,
  lastAuditOn: LocalDate.nullable(),
  asOf: LocalDate,
});
export type AuditQuestion = z.infer<typeof AuditQuestion>;

export type AuditStatus = 'upcoming' | 'due' | 'overdue';

export interface AuditDue extends BillingText {
  dueMonth: string;
  status: AuditStatus;
}

/**
 * When the next security audit is due: `everyMonths` after the month of the last one (or of the
 * contract's start when there was none), as a month. Upcoming before it, due in it, overdue after.
 */
export function securityAuditDue(question: AuditQuestion): AuditDue {
  const q = parseOrThrow(AuditQuestion, question, 'security audit');
  const dueMonth = addMonths(monthOfDate(q.lastAuditOn ?? q.since), q.everyMonths);
  const now = monthOfDate(q.asOf);
  const status: AuditStatus = now < dueMonth ? 'upcoming' : now === dueMonth ? 'due' : 'overdue';
  const key = status === 'upcoming' ? 'billing.allIn.auditUpcoming' : status === 'due' ? 'billing.allIn.auditDue' : 'billing.allIn.auditOverdue';
  return { dueMonth, status, key, params: { month: dueMonth } };
}
