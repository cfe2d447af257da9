import { z } from 'zod';
import { BillingMonth } from '../billing/month';
import { SCOPES } from '../billing/rounding';
import { OVERRUN_POLICIES } from '../billing/terms';
import { COST_MODELS } from '../domain/contract';
import { BudgetLine, BUDGET_NOTE_MAX, MAX_BUDGET_LINE_MINUTES } from '../domain/budget';
import { Id, text } from '../domain/common';
import { BudgetAdjustArgs } from '../mutations/budget';
import { LocalDate } from '../sla/calendar';
import { call } from './common';

/** A ledger line as the fronts show it. */
export const BudgetLineView = BudgetLine.omit({ fieldVersions: true });

export const BudgetBuyInput = z
  .object({
    clientId: Id,
    minutes: z.number().int().min(1).max(MAX_BUDGET_LINE_MINUTES),
    /** Default: today in the contract's zone. */
    purchasedOn: LocalDate.optional(),
    validThrough: LocalDate.optional(),
    note: text(BUDGET_NOTE_MAX).optional(),
  })
  .strict();

export const BudgetAdjustInput = BudgetAdjustArgs.omit({ id: true, day: true }).extend({ day: LocalDate.optional() }).strict();

const Minutes = z.number().int();

/** One ticket's month: raw minutes beside the rounded ones (shared/billing/rounding.ts), with the ticket's title. */
export const BilledLineView = z.object({
  month: BillingMonth,
  ticketId: z.string().nullable(),
  title: z.string().nullable(),
  scope: z.enum(SCOPES),
  rawMinutes: Minutes,
  billableRawMinutes: Minutes,
  roundedMinutes: Minutes,
});
export type BilledLineView = z.infer<typeof BilledLineView>;

const AuditDueView = z.object({ dueMonth: BillingMonth, status: z.enum(['upcoming', 'due', 'overdue']), key: z.string(), params: z.record(z.string(), z.unknown()) });

/** A client's month under the version in force then (shared/billing/clientMonth.ts). */
export const BudgetMonthView = z.object({
  clientId: Id,
  month: BillingMonth,
  costModel: z.enum(COST_MODELS).nullable(),
  contractFrom: LocalDate.nullable(),
  lines: z.array(BilledLineView),
  subscription: z
    .object({
      includedMinutes: Minutes,
      usedMinutes: Minutes,
      rawMinutes: Minutes,
      overageMinutes: Minutes,
      changeRequestMinutes: Minutes,
      feeCents: Minutes,
      overageCents: Minutes.nullable(),
      totalCents: Minutes.nullable(),
    })
    .nullable(),
  allIn: z
    .object({
      capacityMinutes: Minutes,
      usedMinutes: Minutes,
      rawMinutes: Minutes,
      remainingMinutes: Minutes,
      overCapacityMinutes: Minutes,
      usedPercent: Minutes,
      changeRequestMinutes: Minutes,
    })
    .nullable(),
  audit: AuditDueView.nullable(),
});
export type BudgetMonthView = z.infer<typeof BudgetMonthView>;

export const BudgetView = z.object({
  clientId: Id,
  asOf: LocalDate,
  /** Whether the contract version in force is prepaid (lines of an earlier prepaid period still show). */
  prepaid: z.boolean(),
  overrunPolicy: z.enum(OVERRUN_POLICIES),
  thresholdsPercent: z.array(z.number().int()),
  lines: z.array(BudgetLineView),
  purchases: z.array(
    z.object({
      id: z.string(),
      purchasedOn: LocalDate,
      validThrough: LocalDate.nullable(),
      minutes: Minutes,
      usedMinutes: Minutes,
      expiredMinutes: Minutes,
      remainingMinutes: Minutes,
      status: z.enum(['open', 'used', 'expired']),
    }),
  ),
  draws: z.array(z.object({ id: z.string(), ticketId: z.string().nullable(), minutes: Minutes, on: LocalDate, uncoveredMinutes: Minutes })),
  purchasedMinutes: Minutes,
  drawnMinutes: Minutes,
  expiredMinutes: Minutes,
  /** purchased − drawn − expired; negative while overrun. */
  balanceMinutes: Minutes,
  overrunMinutes: Minutes,
  remainingPercent: Minutes,
  /** The newest purchase: thresholds are notified once per purchase era (a newer purchase re-arms them). */
  card: z.string().nullable(),
  /** Thresholds reached in this era, highest first: notified, or about to be. */
  thresholdsPassed: z.array(z.number().int()),
  /** Thresholds of this era already notified (stored, synced), highest first. */
  thresholdsNotified: z.array(z.number().int()),
  /** Whether the engineer on this laptop may buy and adjust (a lead or admin); the mutation checks again. */
  canManage: z.boolean(),
  /** The support minutes drawn, per ticket per month, newest month first: raw beside rounded. */
  billed: z.array(BilledLineView),
});
export type BudgetView = z.infer<typeof BudgetView>;

export const budgetCalls = {
  budget: {
    /** A client's prepaid bundle: ledger lines, purchases (used, expired, left), draws, balance, thresholds passed. */
    forClient: call(z.object({ clientId: Id, asOf: LocalDate.optional() }).strict(), BudgetView),
    /** Buys prepaid minutes (leads; prepaid contracts only). */
    buy: call(BudgetBuyInput, BudgetView),
    /** A correction: a new line of signed minutes with a reason (leads; prepaid contracts only). */
    adjust: call(BudgetAdjustInput, BudgetView),
    /** A client's month: subscription allowance and overage (priced), or all-in capacity used and the security audit due. */
    month: call(z.object({ clientId: Id, month: BillingMonth }).strict(), BudgetMonthView),
  },
} as const;
