import { z } from 'zod';
import { OVERRUN_POLICIES } from '../billing/terms';
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
  /** Thresholds reached, highest first. */
  thresholdsPassed: z.array(z.number().int()),
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
  },
} as const;
