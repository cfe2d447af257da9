import { z } from 'zod';
import { BillingMonth } from '../billing/month';
import { FieldVersions, Id, IsoTime } from './common';
import { TimeReason } from './time';

/**
 * A client's billing month, closed by a lead (docs/time.md, "Closed months"). The id is
 * `${clientId}:${YYYY-MM}`, so two laptops that close the same month offline write the same row
 * and converge field by field. `timeZone` is the zone of the contract in force when it was closed:
 * an entry belongs to the month its start falls in on that zone's wall clock, read from the row,
 * so the laptop and the server decide alike. A reopen keeps the row with `closed` false and its
 * reason; closing again sets it back.
 */
export const MonthClose = z.object({
  id: z.string().min(1).max(80),
  clientId: Id,
  month: BillingMonth,
  timeZone: z.string().min(1).max(64),
  closed: z.boolean(),
  /** Why it was last reopened; null while it never was. */
  reopenReason: TimeReason.nullable(),
  changedAt: IsoTime,
  changedBy: z.string(),
  fieldVersions: FieldVersions,
});
export type MonthClose = z.infer<typeof MonthClose>;

export function monthCloseId(clientId: string, month: string): string {
  return `${clientId}:${month}`;
}
