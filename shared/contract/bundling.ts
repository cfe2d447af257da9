import { z } from 'zod';
import { BillingMonth } from '../billing/month';
import { Id } from '../domain/common';
import { IncidentMergeArgs } from '../mutations/merge';
import { call } from './common';
import { IncidentDetail } from './incidents';

const Minutes = z.number().int();

/** A ticket as the bundling views list it: what moves with it and what it bills this month. */
export const BundlingTicket = z.object({
  id: Id,
  title: z.string(),
  openedAt: z.string(),
  /** Time entries on it (all months): what a merge moves. */
  entryCount: z.number().int(),
  /** Its billable minutes (of the month, or of every month in a preview), raw and rounded up on their own. */
  rawMinutes: Minutes,
  billedMinutes: Minutes,
});
export type BundlingTicket = z.infer<typeof BundlingTicket>;

/**
 * What bundling saves (shared/billing/bundling.ts), in the contract's increment and zone: billed
 * minutes of the tickets apart and merged. `survivorId` is the suggested survivor (the oldest).
 */
export const BundlingSavingsView = z.object({
  clientId: Id,
  /** The month the suggestion reads; null in a preview, which counts every month the tickets' time falls in. */
  month: BillingMonth.nullable(),
  incrementMinutes: z.number().int(),
  timeZone: z.string(),
  survivorId: Id,
  tickets: z.array(BundlingTicket),
  /** Entries of the merged tickets that stay where they are because they start in a closed month (0 in a suggestion). */
  keptEntries: z.number().int().min(0),
  apartMinutes: Minutes,
  togetherMinutes: Minutes,
  savedMinutes: Minutes,
});
export type BundlingSavingsView = z.infer<typeof BundlingSavingsView>;

export const BundlingSuggestionQuery = z.object({ clientId: Id, month: BillingMonth.optional() }).strict();
export const BundlingPreviewQuery = z.object({ survivorId: Id, mergedIds: IncidentMergeArgs.shape.mergedIds }).strict();

export const bundlingCalls = {
  bundling: {
    /** The client's small open support tickets of the month (default: this month), or null when bundling saves nothing. */
    suggestion: call(BundlingSuggestionQuery, BundlingSavingsView.nullable()),
    /** What a merge would move and save, before it is confirmed; refuses what the merge would refuse. */
    preview: call(BundlingPreviewQuery, BundlingSavingsView),
    /** Runs `incident.merge` and answers with the survivor. */
    merge: call(IncidentMergeArgs, IncidentDetail),
  },
} as const;
