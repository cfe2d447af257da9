import { z } from 'zod';
import { Id, IsoTime, text } from './common';
import { Category, type IncidentStatus, IncidentStatus as IncidentStatusSchema, Priority } from './incident';

/**
 * The incident lifecycle: new → acknowledged → in_progress ⇄ waiting_on_client → resolved →
 * closed, reopened from resolved. Every change is an append-only timeline entry; the SLA clocks
 * are derived from those entries, never stored as counters.
 */
export const TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  new: ['acknowledged', 'in_progress', 'waiting_on_client', 'resolved'],
  acknowledged: ['in_progress', 'waiting_on_client', 'resolved'],
  in_progress: ['waiting_on_client', 'resolved'],
  waiting_on_client: ['in_progress', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: [],
};

export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export const OPEN_STATUSES: readonly IncidentStatus[] = ['new', 'acknowledged', 'in_progress', 'waiting_on_client'];

/** Resolved and closed incidents run no clock and leave the "open" views. */
export function isOpenStatus(status: IncidentStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export const TIMELINE_KINDS = ['status', 'priority', 'reply', 'note', 'assign', 'category', 'mergedInto', 'mergedFrom'] as const;

/** An incident named in a merge event, with its title as it was then (events are never rewritten). */
const MergeRef = z.object({ id: Id, title: z.string().max(200) });
const MergeReason = text(500).nullable();
/** Entries that stayed where they were because they start in a closed month (docs/billing.md); absent when none did. */
const KeptEntries = z.number().int().min(1).optional();
export const TimelineKind = z.enum(TIMELINE_KINDS);

export const TimelineData = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), from: IncidentStatusSchema, to: IncidentStatusSchema }),
  z.object({ kind: z.literal('priority'), from: Priority, to: Priority }),
  z.object({ kind: z.literal('reply'), body: text(20_000) }),
  z.object({ kind: z.literal('note'), body: text(20_000) }),
  z.object({ kind: z.literal('assign'), from: z.string().nullable(), to: z.string().nullable() }),
  z.object({ kind: z.literal('category'), from: Category.nullable(), to: Category.nullable(), keptEntries: KeptEntries }),
  /** On a merged incident: it now points to `into`, its time moved there (`incident.merge`). */
  z.object({ kind: z.literal('mergedInto'), into: MergeRef, movedEntries: z.number().int().min(0), reason: MergeReason, keptEntries: KeptEntries }),
  /** On the survivor: these incidents were merged in; their timelines show in its own. */
  z.object({ kind: z.literal('mergedFrom'), from: z.array(MergeRef).min(1).max(20), movedEntries: z.number().int().min(0), reason: MergeReason, keptEntries: KeptEntries }),
]);
export type TimelineData = z.infer<typeof TimelineData>;

/** One entry of an incident's timeline. `at` is when it happened (may be entered afterwards). */
export const TimelineEntry = z.object({
  id: Id,
  incidentId: Id,
  at: IsoTime,
  data: TimelineData,
  actorId: z.string(),
  actorName: z.string(),
  createdAt: IsoTime,
  /** The stamp of the mutation that made it: orders entries that happened at the same instant. */
  hlc: z.string(),
  /** Append-only rows carry no per-field versions; the field exists for the shared row mapping. */
  fieldVersions: z.record(z.string(), z.string()),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** The text of a reply or note: required, multi-line allowed. */
export const MessageBody = z
  .string()
  .trim()
  .min(1)
  .max(20_000);
