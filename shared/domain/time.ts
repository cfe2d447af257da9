import { z } from 'zod';
import { SCOPES, type Scope } from '../billing/rounding';
import { FieldVersions, Id, IsoTime, text } from './common';
import type { Category } from './incident';

/** Longest entry accepted: a day. Longer is absurd for one sitting (issue 11, "Bad input"). */
export const MAX_TIME_ENTRY_MINUTES = 24 * 60;
export const TIME_NOTE_MAX = 2000;
export const TIME_REASON_MAX = 500;

export const TimeNote = text(TIME_NOTE_MAX);
export const TimeReason = text(TIME_REASON_MAX).trim().min(1, { message: 'text.empty' });

/**
 * Time an engineer worked: on an incident, or on a client without one (`incidentId` null). The raw
 * start and end are kept exactly as given; minutes are derived from them (`entryMinutes`). While the
 * timer runs, `endedAt` is null and `runningFor` holds the engineer's id, so "the running timer of
 * engineer X" is one lookup read; stopping clears both together.
 */
export const TimeEntry = z.object({
  id: Id,
  engineerId: z.string().min(1).max(200),
  clientId: Id,
  incidentId: Id.nullable(),
  startedAt: IsoTime,
  endedAt: IsoTime.nullable(),
  runningFor: z.string().min(1).max(200).nullable(),
  note: TimeNote,
  billable: z.boolean(),
  scope: z.enum(SCOPES),
  /** Why the entry was last edited (`time.update`) or removed (`time.delete`); null when never changed. */
  changeReason: TimeReason.nullable(),
  createdAt: IsoTime,
  createdBy: z.string(),
  fieldVersions: FieldVersions,
});
export type TimeEntry = z.infer<typeof TimeEntry>;

/** The scope time on an incident takes: new functionality is a change request, the rest support. */
export function scopeOfCategory(category: Category | null | undefined): Scope {
  return category === 'new_functionality' ? 'change_request' : 'support';
}

/** Whole minutes from start to end (or to `nowMs` while running), rounded down, never negative. */
export function entryMinutes(entry: Pick<TimeEntry, 'startedAt' | 'endedAt'>, nowMs: number): number {
  const end = entry.endedAt === null ? nowMs : Date.parse(entry.endedAt);
  return Math.max(0, Math.floor((end - Date.parse(entry.startedAt)) / 60_000));
}
