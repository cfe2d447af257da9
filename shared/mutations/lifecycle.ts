import { z } from 'zod';
import type { ChangeRequest } from '../domain/changeRequest';
import { Id, IsoTime } from '../domain/common';
import { Category, type Incident, IncidentStatus } from '../domain/incident';
import type { TimeEntry } from '../domain/time';
import { canTransition, MessageBody, type TimelineEntry, TRANSITIONS } from '../domain/lifecycle';
import { VangnetError } from '../errors';
import { lastWriteAt, mergeFields } from '../merge';
import { defineMutation, type MutationContext, type Write } from './define';
import { timelineEntry } from './incident';
import type { MonthClose } from '../domain/monthClose';
import { guardLeavingChangeRequest, rescopeEntries, scopeReads, scopeReadsAfter } from './scopeLine';

/** Events may be entered afterwards, but not before the incident opened nor in the future. */
const CLOCK_TOLERANCE_MS = 60_000;

function eventTime(incident: Incident, at: string | undefined, ctx: MutationContext): string {
  if (!at) return ctx.now;
  const ms = Date.parse(at);
  if (ms < Date.parse(incident.openedAt)) {
    throw new VangnetError('invalid_args', 'incident.beforeOpened', { at, openedAt: incident.openedAt }, [{ path: 'at', code: 'beforeOpened' }]);
  }
  if (ms > Date.parse(ctx.now) + CLOCK_TOLERANCE_MS) {
    throw new VangnetError('invalid_args', 'incident.inFuture', { at }, [{ path: 'at', code: 'inFuture' }]);
  }
  return new Date(ms).toISOString();
}

export function requireIncident(incident: Incident | undefined, id: string): Incident {
  if (!incident) throw new VangnetError('not_found', 'incident.unknown', { id });
  return incident;
}

/** Sets fields last-writer-wins and stamps the row; returns the update write, or none if a newer edit won. */
function patchIncident(before: Incident, patch: Partial<Incident>, ctx: MutationContext): Write[] {
  const merged = mergeFields(before, before.fieldVersions, patch, ctx.hlc);
  if (merged.applied.length === 0) return [];
  return [
    {
      op: 'update',
      table: 'incidents',
      before,
      row: { ...merged.row, fieldVersions: merged.versions, updatedAt: lastWriteAt(merged.versions, ctx.now) },
    },
  ];
}

const readIncident = (id: string) => ({ incident: { table: 'incidents' as const, by: 'id' as const, value: id } });

export const IncidentSetStatusArgs = z.object({ id: Id, to: IncidentStatus, at: IsoTime.optional() });
export type IncidentSetStatusArgs = z.infer<typeof IncidentSetStatusArgs>;

export const incidentSetStatus = defineMutation({
  name: 'incident.setStatus',
  args: IncidentSetStatusArgs,
  reads: (args: IncidentSetStatusArgs) => readIncident(args.id),
  apply(args, rows, ctx) {
    const incident = requireIncident(rows.incident, args.id);
    if (!canTransition(incident.status, args.to)) {
      const allowed = TRANSITIONS[incident.status];
      const params = { from: incident.status, to: args.to, allowed: allowed.join(', ') };
      const key = allowed.length ? 'incident.transition' : 'incident.transitionClosed';
      throw new VangnetError('invalid_args', key, params, [{ path: 'to', code: 'transition' }]);
    }
    const at = eventTime(incident, args.at, ctx);
    return [
      ...patchIncident(incident, { status: args.to }, ctx),
      {
        op: 'insert',
        table: 'incidentEvents',
        row: timelineEntry(ctx, incident.id, at, { kind: 'status', from: incident.status, to: args.to }),
      },
    ];
  },
});

export const IncidentMessageArgs = z.object({ id: Id, body: MessageBody, at: IsoTime.optional() });
export type IncidentMessageArgs = z.infer<typeof IncidentMessageArgs>;

/** A reply the client sees: it is the first response if nobody acknowledged before. */
export const incidentReply = defineMutation({
  name: 'incident.reply',
  args: IncidentMessageArgs,
  reads: (args: IncidentMessageArgs) => readIncident(args.id),
  apply(args, rows, ctx) {
    const incident = requireIncident(rows.incident, args.id);
    if (incident.status === 'closed') throw new VangnetError('invalid_args', 'incident.closed');
    return [
      {
        op: 'insert',
        table: 'incidentEvents',
        row: timelineEntry(ctx, incident.id, eventTime(incident, args.at, ctx), { kind: 'reply', body: args.body }),
      },
    ];
  },
});

/** An internal note: for the team only, never a response to the client. */
export const incidentNote = defineMutation({
  name: 'incident.note',
  args: IncidentMessageArgs,
  reads: (args: IncidentMessageArgs) => readIncident(args.id),
  apply(args, rows, ctx) {
    const incident = requireIncident(rows.incident, args.id);
    return [
      {
        op: 'insert',
        table: 'incidentEvents',
        row: timelineEntry(ctx, incident.id, eventTime(incident, args.at, ctx), { kind: 'note', body: args.body }),
      },
    ];
  },
});

export const IncidentAssignArgs = z.object({ id: Id, assigneeId: z.string().min(1).max(64).nullable() });
export type IncidentAssignArgs = z.infer<typeof IncidentAssignArgs>;

/** Sets one field of an incident and records the change on its timeline (no-op when unchanged). */
function changeField<F extends 'assigneeId' | 'category', K extends 'assign' | 'category'>(
  incident: Incident,
  field: F,
  kind: K,
  to: Incident[F],
  ctx: MutationContext,
  extra: { keptEntries?: number } = {},
): Write[] {
  if (incident[field] === to) return [];
  const data = { kind, from: incident[field], to, ...extra } as TimelineEntry['data'];
  return [
    ...patchIncident(incident, { [field]: to }, ctx),
    { op: 'insert', table: 'incidentEvents', row: timelineEntry(ctx, incident.id, ctx.now, data) },
  ];
}

export const incidentAssign = defineMutation({
  name: 'incident.assign',
  args: IncidentAssignArgs,
  reads: (args: IncidentAssignArgs) => readIncident(args.id),
  apply: (args, rows, ctx) => changeField(requireIncident(rows.incident, args.id), 'assigneeId', 'assign', args.assigneeId, ctx),
});

export const IncidentCategoryArgs = z.object({ id: Id, category: Category.nullable() });
export type IncidentCategoryArgs = z.infer<typeof IncidentCategoryArgs>;

/** Sets the category; the ticket's time entries follow across the scope line (./scopeLine.ts). */
export const incidentSetCategory = defineMutation({
  name: 'incident.setCategory',
  summary:
    "Sets an incident's category; when that moves it across the scope line, its time entries' scope follows (refused while a change request is past its draft).",
  args: IncidentCategoryArgs,
  reads: (args: IncidentCategoryArgs) => ({ ...readIncident(args.id), ...scopeReads(args.id) }),
  readsAfter: (_args, rows) => scopeReadsAfter(rows),
  apply(args, rows, ctx) {
    const incident = requireIncident(rows.incident, args.id);
    return recategorise(incident, args.category, rows, ctx);
  },
});

/** The category change with its timeline entry, and the entries re-scoped when it crosses the scope line. */
export function recategorise(
  incident: Incident,
  to: Category | null,
  rows: { entries: TimeEntry[]; changeRequest: ChangeRequest | undefined; closes: MonthClose[] },
  ctx: MutationContext,
): Write[] {
  guardLeavingChangeRequest(incident, to, rows.changeRequest);
  const { writes, kept } = rescopeEntries(incident, to, rows.entries, rows.closes, ctx.hlc);
  return [...changeField(incident, 'category', 'category', to, ctx, kept > 0 ? { keptEntries: kept } : {}), ...writes];
}
