import { z } from 'zod';
import { Id, IsoTime } from '../domain/common';
import type { Incident } from '../domain/incident';
import { Category, IncidentDescription, IncidentTitle, Priority } from '../domain/incident';
import type { TimelineEntry } from '../domain/lifecycle';
import { deterministicId } from '../ids';
import { VangnetError } from '../errors';
import { lastWriteAt, mergeFields } from '../merge';
import { defineMutation, type MutationContext, type Write } from './define';

export const IncidentCreateArgs = z.object({
  id: Id,
  clientId: Id,
  title: IncidentTitle,
  description: IncidentDescription.default(''),
  priority: Priority,
  /** When the problem was reported, if earlier than its entry (reported by phone, logged later). */
  openedAt: IsoTime.optional(),
  category: Category.nullable().optional(),
});
export type IncidentCreateArgs = z.infer<typeof IncidentCreateArgs>;

export const incidentCreate = defineMutation({
  name: 'incident.create',
  args: IncidentCreateArgs,
  reads: (args: IncidentCreateArgs) => ({
    existing: { table: 'incidents', by: 'id', value: args.id },
    client: { table: 'clients', by: 'id', value: args.clientId },
  }),
  apply(args, rows, ctx) {
    if (rows.existing) throw new VangnetError('conflict', 'incident.exists', { id: args.id });
    if (!rows.client)
      throw new VangnetError('not_found', 'client.unknown', { id: args.clientId }, [{ path: 'clientId', code: 'unknownClient' }]);
    if (args.openedAt && Date.parse(args.openedAt) > Date.parse(ctx.now)) {
      throw new VangnetError('invalid_args', 'incident.openedInFuture', {}, [{ path: 'openedAt', code: 'inFuture' }]);
    }
    const v = ctx.hlc;
    const row: Incident = {
      id: args.id,
      clientId: args.clientId,
      title: args.title,
      description: args.description,
      priority: args.priority,
      status: 'new',
      openedAt: args.openedAt ? new Date(args.openedAt).toISOString() : ctx.now,
      createdAt: ctx.now,
      createdBy: ctx.actor.id,
      updatedAt: ctx.now,
      assigneeId: null,
      category: args.category ?? null,
      mergedInto: null,
      fieldVersions: { title: v, description: v, priority: v, status: v, assigneeId: v, category: v },
    };
    return [{ op: 'insert', table: 'incidents', row }];
  },
});

/** The fields of an update without its "something must change" rule, for schemas built on it (the contract's). */
export const IncidentUpdateFields = z.object({
  id: Id,
  title: IncidentTitle.optional(),
  description: IncidentDescription.optional(),
  priority: Priority.optional(),
});

export const IncidentUpdateArgs = IncidentUpdateFields.refine(
  (a) => a.title !== undefined || a.description !== undefined || a.priority !== undefined,
  {
    message: 'nothingToChange',
  },
);
export type IncidentUpdateArgs = z.infer<typeof IncidentUpdateArgs>;

export const incidentUpdate = defineMutation({
  name: 'incident.update',
  args: IncidentUpdateArgs,
  reads: (args: IncidentUpdateArgs) => ({
    incident: { table: 'incidents', by: 'id', value: args.id },
  }),
  apply(args, rows, ctx) {
    const before = rows.incident;
    if (!before) throw new VangnetError('not_found', 'incident.unknown', { id: args.id });
    const { id: _id, ...patch } = args;
    const merged = mergeFields(before, before.fieldVersions, patch, ctx.hlc);
    if (merged.applied.length === 0) return [];
    const row: Incident = { ...merged.row, fieldVersions: merged.versions, updatedAt: lastWriteAt(merged.versions, ctx.now) };
    const writes: Write[] = [{ op: 'update', table: 'incidents', before, row }];
    // A priority change is also a timeline entry: the SLA clocks recompute targets from it.
    if (merged.applied.includes('priority') && before.priority !== row.priority) {
      writes.push({
        op: 'insert',
        table: 'incidentEvents',
        row: timelineEntry(ctx, row.id, ctx.now, { kind: 'priority', from: before.priority, to: row.priority }),
      });
    }
    return writes;
  },
});

/** A timeline entry made by a mutation; its id derives from the mutation's stamp, so replays agree. */
export function timelineEntry(ctx: MutationContext, incidentId: string, at: string, data: TimelineEntry['data']): TimelineEntry {
  return {
    id: deterministicId(`${ctx.hlc}:${incidentId}:${data.kind}`),
    incidentId,
    at,
    data,
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    createdAt: ctx.now,
    hlc: ctx.hlc,
    fieldVersions: {},
  };
}
