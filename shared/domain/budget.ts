import { z } from 'zod';
import { MAX_PURCHASE_HOURS } from '../billing/bundle';
import { LocalDate } from '../sla/calendar';
import { Id, IsoTime, text } from './common';

/** The most minutes one ledger line moves, either way: the largest purchase the billing core takes. */
export const MAX_BUDGET_LINE_MINUTES = MAX_PURCHASE_HOURS * 60;
export const BUDGET_NOTE_MAX = 500;

export const BUDGET_LINE_KINDS = ['purchase', 'adjustment'] as const;
export type BudgetLineKind = (typeof BUDGET_LINE_KINDS)[number];

/** Minutes one line moves: signed, whole, never 0. */
export const LineMinutes = z
  .number()
  .int()
  .min(-MAX_BUDGET_LINE_MINUTES)
  .max(MAX_BUDGET_LINE_MINUTES)
  .refine((m) => m !== 0, { message: 'number.nonZero' });

/**
 * One line of a client's prepaid bundle ledger (docs/billing.md). Append-only: written once by
 * `budget.buy` or `budget.adjust`, never edited or deleted; a correction is a new adjustment.
 * A purchase adds `minutes` (> 0) bought on `day`, usable through `validThrough` (null: no end).
 * An adjustment moves signed `minutes` on `day` (never 0, never expiring) and `note` says why.
 * Draws are not stored: they are the rounded support minutes of the client's time entries.
 */
export const BudgetLine = z.object({
  id: Id,
  clientId: Id,
  kind: z.enum(BUDGET_LINE_KINDS),
  minutes: LineMinutes,
  day: LocalDate,
  validThrough: LocalDate.nullable(),
  /** A purchase's note (may be empty); an adjustment's reason (required). */
  note: text(BUDGET_NOTE_MAX),
  createdAt: IsoTime,
  createdBy: z.string(),
  /** Append-only rows carry no per-field versions; the field exists for the shared row mapping. */
  fieldVersions: z.record(z.string(), z.string()),
});
export type BudgetLine = z.infer<typeof BudgetLine>;
