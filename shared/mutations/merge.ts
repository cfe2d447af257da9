import { z } from 'zod';
import { Id, text } from '../domain/common';
import type { Incident } from '../domain/incident';
import { scopeOfCategory, type TimeEntry } from '../domain/time';
import { VangnetError } from '../errors';
import { lastWriteAt, mergeFields } from '../merge';
import { ownOrLead } from '../permissions';
import { defineMutation, LIST_READ_MAX, type ListRead, type MutationContext, type RowRead, type Write } from './define';
import { timelineEntry } from './incident';
import type { MonthClose } from '../domain/monthClose';
import { clientClosesRead, splitByClosedMonth } from './monthGuard';

/**
 * Ticket bundling (docs/billing.md, "Bundling"): rounding is per ticket per month, so small
 * questions bill less in one ticket. `incident.merge` folds tickets of one client into a survivor:
 * each merged ticket is closed and points to the survivor (`mergedInto`), its time entries move to
 * the survivor (their scope follows the survivor's category), and both sides get a timeline event.
 * Timelines are append-only, so nothing is copied: the survivor's timeline shows the merged
 * tickets' events through `mergedInto` (core/repos/mergedTimeline.ts). Entries that start in a
 * closed month stay on the merged ticket with their scope (billed time stays as billed); the
 * timeline events count them as `keptEntries`.
 */

export const MERGE_MAX = 20;
/** The most entries one merged ticket may carry: one bounded list read, and one more to know it is over. */
export const MERGE_ENTRIES_MAX = LIST_READ_MAX - 1;

export const IncidentMergeArgs = z
  .object({
    survivorId: Id,
    mergedIds: z.array(Id).min(1).max(MERGE_MAX),
    reason: text(500).trim().optional(),
  })
  .refine((a) => new Set(a.mergedIds).size === a.mergedIds.length, { message: 'merge.duplicate', path: ['mergedIds'] })
  .refine((a) => !a.mergedIds.includes(a.survivorId), { message: 'merge.intoItself', path: ['mergedIds'] });
export type IncidentMergeArgs = z.infer<typeof IncidentMergeArgs>;

export type MergeReads = Record<string, RowRead<'incidents'> | ListRead<'timeEntries'>>;
export type MergeRows = Record<string, Incident | TimeEntry[] | MonthClose[] | undefined>;

const ticketKey = (i: number) => `ticket${i}`;
const entriesKey = (i: number) => `entries${i}`;

export function mergeReads(args: IncidentMergeArgs): MergeReads {
  const reads: MergeReads = { survivor: { table: 'incidents', by: 'id', value: args.survivorId } };
  // The generated reference passes names for values (docs/sync-mutations.md): one stands for each id.
  const ids: readonly string[] = Array.isArray(args.mergedIds) ? args.mergedIds : [`${String(args.mergedIds)}[i]`];
  ids.forEach((id, i) => {
    reads[ticketKey(i)] = { table: 'incidents', by: 'id', value: id };
    reads[entriesKey(i)] = { table: 'timeEntries', where: { incidentId: id }, orderBy: [{ field: 'startedAt' }], limit: LIST_READ_MAX };
  });
  return reads;
}

const entriesOf = (rows: MergeRows, i: number) => (rows[entriesKey(i)] as TimeEntry[] | undefined) ?? [];
const closesOf = (rows: MergeRows) => (rows.closes as MonthClose[] | undefined) ?? [];

export interface MergePlan {
  survivor: Incident;
  /** Each merged ticket with the entries that move (`entries`) and those its closed months keep (`kept`). */
  merged: { ticket: Incident; entries: TimeEntry[]; kept: TimeEntry[] }[];
}

/**
 * The survivor and each merged ticket with the entries that move, checked: known, not merged
 * already, one client, a survivor that is not closed, not too many entries. The engine's preview
 * asks the same before a merge is confirmed.
 */
export function mergePlan(args: IncidentMergeArgs, rows: MergeRows): MergePlan {
  const survivor = rows.survivor as Incident | undefined;
  if (!survivor)
    throw new VangnetError('not_found', 'incident.unknown', { id: args.survivorId }, [{ path: 'survivorId', code: 'unknownIncident' }]);
  if (survivor.mergedInto !== null)
    throw new VangnetError('conflict', 'merge.alreadyMerged', { title: survivor.title, into: survivor.mergedInto }, [
      { path: 'survivorId', code: 'alreadyMerged' },
    ]);
  if (survivor.status === 'closed')
    throw new VangnetError('conflict', 'merge.survivorClosed', { title: survivor.title }, [{ path: 'survivorId', code: 'closed' }]);
  const merged = args.mergedIds.map((id, i) => {
    const path = `mergedIds.${i}`;
    const ticket = rows[ticketKey(i)] as Incident | undefined;
    if (!ticket) throw new VangnetError('not_found', 'incident.unknown', { id }, [{ path, code: 'unknownIncident' }]);
    if (ticket.mergedInto !== null)
      throw new VangnetError('conflict', 'merge.alreadyMerged', { title: ticket.title, into: ticket.mergedInto }, [
        { path, code: 'alreadyMerged' },
      ]);
    if (ticket.clientId !== survivor.clientId)
      throw new VangnetError('invalid_args', 'merge.otherClient', { title: ticket.title, survivor: survivor.title }, [
        { path, code: 'otherClient' },
      ]);
    if (entriesOf(rows, i).length > MERGE_ENTRIES_MAX)
      throw new VangnetError('invalid_args', 'merge.tooManyEntries', { title: ticket.title, max: MERGE_ENTRIES_MAX }, [
        { path, code: 'tooManyEntries', params: { max: MERGE_ENTRIES_MAX } },
      ]);
    const { open, kept } = splitByClosedMonth(entriesOf(rows, i), closesOf(rows));
    return { ticket, entries: open, kept };
  });
  return { survivor, merged };
}

/** The count of kept entries for a timeline event: absent when none stayed, as before closed months counted. */
const keptField = (n: number): { keptEntries?: number } => (n > 0 ? { keptEntries: n } : {});

function patched<T extends Incident | TimeEntry>(before: T, patch: Partial<T>, ctx: MutationContext): T {
  const m = mergeFields(before, before.fieldVersions, patch, ctx.hlc);
  return { ...m.row, fieldVersions: m.versions } as T;
}

export const incidentMerge = defineMutation({
  name: 'incident.merge',
  summary:
    "Merges tickets of one client into a survivor: each is closed and points to it, its time entries move to it (scope by the survivor's category), and both timelines say so.",
  args: IncidentMergeArgs,
  reads: (args: IncidentMergeArgs): MergeReads => mergeReads(args),
  readsAfter: (_args, rows) => ({ closes: clientClosesRead((rows.survivor as Incident | undefined)?.clientId ?? '') }),
  // Merging moves time entries: one's own, or anyone's for a lead (as editing them, docs/time.md).
  // Entries a closed month keeps do not move, so they ask nothing of the actor.
  permit(actor, args, rows) {
    const closes = closesOf(rows as MergeRows);
    for (let i = 0; i < args.mergedIds.length; i += 1) {
      for (const entry of splitByClosedMonth(entriesOf(rows as MergeRows, i), closes).open) {
        const refusal = ownOrLead(actor, entry.engineerId, 'mergeOthersTime');
        if (refusal) return refusal;
      }
    }
    return null;
  },
  who: "anyone whose own time entries are the only ones the merge moves; a `lead` or `admin` (and the system actor) when it moves another engineer's.",
  apply(args, loaded, ctx) {
    const rows = loaded as MergeRows;
    const { survivor, merged } = mergePlan(args, rows);
    const reason = args.reason ? args.reason : null;
    const scope = scopeOfCategory(survivor.category);
    const writes: Write[] = [];
    let moved = 0;
    let keptAll = 0;
    for (const { ticket, entries, kept } of merged) {
      moved += entries.length;
      keptAll += kept.length;
      for (const before of entries) {
        writes.push({ op: 'update', table: 'timeEntries', before, row: patched(before, { incidentId: survivor.id, scope }, ctx) });
      }
      const row = patched(ticket, { status: 'closed', mergedInto: survivor.id }, ctx);
      writes.push({ op: 'update', table: 'incidents', before: ticket, row: { ...row, updatedAt: lastWriteAt(row.fieldVersions, ctx.now) } });
      if (ticket.status !== 'closed') {
        const data = { kind: 'status', from: ticket.status, to: 'closed' } as const;
        writes.push({ op: 'insert', table: 'incidentEvents', row: timelineEntry(ctx, ticket.id, ctx.now, data) });
      }
      const into = { id: survivor.id, title: survivor.title };
      const data = { kind: 'mergedInto', into, movedEntries: entries.length, reason, ...keptField(kept.length) } as const;
      writes.push({ op: 'insert', table: 'incidentEvents', row: timelineEntry(ctx, ticket.id, ctx.now, data) });
    }
    const from = merged.map(({ ticket }) => ({ id: ticket.id, title: ticket.title }));
    const data = { kind: 'mergedFrom', from, movedEntries: moved, reason, ...keptField(keptAll) } as const;
    writes.push({ op: 'insert', table: 'incidentEvents', row: timelineEntry(ctx, survivor.id, ctx.now, data) });
    return writes;
  },
});
