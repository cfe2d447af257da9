import { z } from 'zod';
import { BillingMonth } from '../billing/month';
import { SCOPES } from '../billing/rounding';
import { Id } from '../domain/common';
import { REPORT_CATEGORIES } from '../reports/hoursByCategory';
import { LocalDate } from '../sla/calendar';
import { call } from './common';

const Minutes = z.number().int();

export const HoursReportQuery = z.object({ from: BillingMonth, to: BillingMonth, clientId: Id.optional() }).strict();

export const HoursReportView = z.object({
  from: BillingMonth,
  to: BillingMonth,
  months: z.array(
    z.object({
      month: BillingMonth,
      rows: z.array(
        z.object({
          category: z.enum(REPORT_CATEGORIES),
          scope: z.enum(SCOPES),
          rawMinutes: Minutes,
          billableRawMinutes: Minutes,
          roundedMinutes: Minutes,
        }),
      ),
      rawMinutes: Minutes,
      roundedMinutes: Minutes,
    }),
  ),
  categories: z.array(z.enum(REPORT_CATEGORIES)),
});
export type HoursReportView = z.infer<typeof HoursReportView>;

export const BurndownView = z.object({
  clientId: Id,
  asOf: LocalDate,
  prepaid: z.boolean(),
  points: z.array(
    z.object({ day: LocalDate, balanceMinutes: Minutes, purchasedMinutes: Minutes, drawnMinutes: Minutes, expiredMinutes: Minutes }),
  ),
  purchases: z.array(z.object({ id: z.string(), day: LocalDate, minutes: Minutes })),
  expiries: z.array(z.object({ purchaseId: z.string(), day: LocalDate, minutes: Minutes })),
  baseMinutes: Minutes,
  thresholds: z.array(z.object({ percent: Minutes, minutes: Minutes })),
  balanceMinutes: Minutes,
  remainingPercent: Minutes,
});
export type BurndownView = z.infer<typeof BurndownView>;

export const reportCalls = {
  reports: {
    /** Raw and rounded minutes per category (and scope) per month; rounding per ticket per month. */
    hoursByCategory: call(HoursReportQuery, HoursReportView),
    /**
     * The balance of prepaid bundles over time, with purchases, expiries and threshold levels: of one
     * client, or (without `clientId`) of every client whose contract in force is prepaid or who has ledger lines.
     */
    bundleBurndown: call(z.object({ clientId: Id.optional() }).strict(), z.object({ bundles: z.array(BurndownView) })),
  },
} as const;
