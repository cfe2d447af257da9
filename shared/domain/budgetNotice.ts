import { z } from 'zod';
import { deterministicId } from '../ids';
import { Id, IsoTime } from './common';

/**
 * A prepaid bundle threshold that has been notified (docs/billing.md, "Notified thresholds"): once per
 * threshold per purchase era — the era is the newest purchase when it was reached, so a newer purchase
 * re-arms every threshold (`bundleAlertsDue`). Append-only. Its id is derived from client, purchase
 * and threshold, so two laptops that notice the same threshold write the same row and converge on one.
 */
export const BudgetNotice = z.object({
  id: Id,
  clientId: Id,
  /** The newest purchase (a ledger line) when the threshold was reached; null for a ledger without one. */
  purchaseId: Id.nullable(),
  thresholdPercent: z.number().int().min(0).max(100),
  /** What was left then (minutes; 0 or less when nothing was). */
  remainingMinutes: z.number().int().min(-600_000).max(600_000),
  notifiedAt: IsoTime,
  createdBy: z.string(),
  /** Append-only rows carry no per-field versions; the field exists for the shared row mapping. */
  fieldVersions: z.record(z.string(), z.string()),
});
export type BudgetNotice = z.infer<typeof BudgetNotice>;

/** The one id of "threshold T of this purchase era of this client was notified". */
export function budgetNoticeId(clientId: string, purchaseId: string | null, thresholdPercent: number): string {
  return deterministicId(`budgetNotice:${clientId}:${purchaseId ?? '-'}:${thresholdPercent}`);
}
