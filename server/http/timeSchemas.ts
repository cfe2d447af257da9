import { z } from 'zod';
import { BillingMonth } from '../../shared/billing/month';
import { BudgetBuyInput } from '../../shared/contract/budget';
import { TimeEntryView, TimeLogInput, TimerStartInput } from '../../shared/contract/time';
import { ClientCode } from '../../shared/domain/client';
import { ChangeRequestStatus, EstimateMinutes, QuoteCents } from '../../shared/domain/changeRequest';
import { Id } from '../../shared/domain/common';
import { TimeNote, TimeReason } from '../../shared/domain/time';
import { ConvertToSupportArgs, ChangeRequestSetStatusArgs } from '../../shared/mutations/changeRequest';
import { TimeUpdateArgs } from '../../shared/mutations/time';

/**
 * Queries and bodies of the REST routes for time, timers, budgets and change requests
 * (timeRoutes.ts, billingRoutes.ts). Each body is the laptop's call input or the mutation's args
 * without the id the path gives; the mutation parses its args again, as a pushed one's.
 */

/** The most entries one list answers; `truncated` says when there were more. */
export const TIME_ENTRIES_MAX = 1000;

export const TimeEntryFilter = z.object({
  month: BillingMonth.optional().meta({ description: 'YYYY-MM in Europe/Amsterdam; default: this month' }),
  client: z.union([Id, ClientCode]).optional().meta({ description: "The client's code or id" }),
  engineer: z.string().min(1).max(200).optional().meta({ description: "The engineer's id" }),
  limit: z.coerce.number().int().min(1).max(TIME_ENTRIES_MAX).default(500),
});

export const TimeEntryList = z.object({
  month: BillingMonth,
  from: z.string(),
  to: z.string(),
  items: z.array(TimeEntryView),
  truncated: z.boolean(),
});

export const TimeLogBody = TimeLogInput;
export const TimeLogged = z.object({ entry: TimeEntryView, overlaps: z.array(Id).meta({ description: "The engineer's entries it overlaps: a warning" }) });

const UPDATABLE = ['startedAt', 'endedAt', 'note', 'billable'] as const;

/** A change of an entry: a reason, and at least one of start, end, note and billable. */
export const TimeEntryPatch = z
  .object(TimeUpdateArgs.shape)
  .omit({ id: true })
  .refine((p) => UPDATABLE.some((f) => p[f] !== undefined), { message: 'time.nothingToChange' })
  .meta({
    anyOf: UPDATABLE.map((field) => ({ required: ['reason', field] })),
    examples: [{ reason: 'Forgot what I did', note: 'Renewed the certificate' }],
  });

export const DeleteReason = z.object({ reason: TimeReason.meta({ description: 'Why the entry goes (kept in the audit trail)' }) });

export const TimerStartBody = TimerStartInput;
export const TimerStopBody = z.object({ note: TimeNote.optional() }).strict();
export const Timer = TimeEntryView.nullable();

export const BudgetQuery = z.object({
  month: BillingMonth.optional().meta({ description: "The month whose use is shown (YYYY-MM); default: this month in the contract's zone" }),
});
export const PurchaseBody = BudgetBuyInput.omit({ clientId: true });

export const ConvertBody = z.discriminatedUnion('to', [
  z.object({ to: z.literal('change-request'), estimateMinutes: EstimateMinutes.optional(), quoteCents: QuoteCents.optional() }).strict(),
  z.object({ to: z.literal('support'), category: ConvertToSupportArgs.shape.category }).strict(),
]);

const AMOUNTS = ['estimateMinutes', 'quoteCents'] as const;
export const ChangeRequestPatch = z
  .object({ estimateMinutes: EstimateMinutes.nullable().optional(), quoteCents: QuoteCents.nullable().optional() })
  .strict()
  .refine((p) => AMOUNTS.some((f) => p[f] !== undefined), { message: 'changeRequest.nothingToChange' })
  .meta({ anyOf: AMOUNTS.map((field) => ({ required: [field] })) });

export const ChangeRequestStatusBody = ChangeRequestSetStatusArgs.omit({ id: true });

export const ChangeRequestFilter = z.object({
  client: z.union([Id, ClientCode]).optional().meta({ description: "The client's code or id" }),
  status: ChangeRequestStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
