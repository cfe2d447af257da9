import { z } from 'zod';
import { Id, IsoTime } from '../domain/common';
import type { Incident } from '../domain/incident';
import { IncidentDescription, IncidentTitle, Priority } from '../domain/incident';
import { VangnetError } from '../errors';
import { mergeFields } from '../merge';
import { defineMutation } from './define';

export const IncidentCreateArgs = z.object({
  id: Id,
  clientId: Id,
  title: IncidentTitle,
  description: IncidentDescription.default(''),
  priority: Priority,
  /** When the problem was reported, if earlier than its entry (reported by phone, logged later). */
  openedAt: IsoTime.optional(),
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
    if (rows.existing) throw new VangnetError('conflict', `An incident with id ${args.id} already exists`);
    if (!rows.client)
      throw new VangnetError('not_found', `Unknown client ${args.clientId}`, [{ path: 'clientId', message: 'unknown client' }]);
    if (args.openedAt && Date.parse(args.openedAt) > Date.parse(ctx.now)) {
      throw new VangnetError('invalid_args', 'openedAt lies in the future', [{ path: 'openedAt', message: 'must not be in the future' }]);
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
      fieldVersions: { title: v, description: v, priority: v, status: v },
    };
    return [{ op: 'insert', table: 'incidents', row }];
  },
});

export const IncidentUpdateArgs = z
  .object({
    id: Id,
    title: IncidentTitle.optional(),
    description: IncidentDescription.optional(),
    priority: Priority.optional(),
  })
  .refine((a) => a.title !== undefined || a.description !== undefined || a.priority !== undefined, {
    message: 'nothing to change: give a title, description or priority',
  });
export type IncidentUpdateArgs = z.infer<typeof IncidentUpdateArgs>;

export const incidentUpdate = defineMutation({
  name: 'incident.update',
  args: IncidentUpdateArgs,
  reads: (args: IncidentUpdateArgs) => ({
    incident: { table: 'incidents', by: 'id', value: args.id },
  }),
  apply(args, rows, ctx) {
    const before = rows.incident;
    if (!before) throw new VangnetError('not_found', `Unknown incident ${args.id}`);
    const { id: _id, ...patch } = args;
    const merged = mergeFields(before, before.fieldVersions, patch, ctx.hlc);
    if (merged.applied.length === 0) return [];
    const row: Incident = { ...merged.row, fieldVersions: merged.versions, updatedAt: ctx.now };
    return [{ op: 'update', table: 'incidents', before, row }];
  },
});
