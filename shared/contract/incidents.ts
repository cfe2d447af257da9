import { z } from 'zod';
import { Id } from '../domain/common';
import { Category, Incident, IncidentStatus, Priority } from '../domain/incident';
import { TimelineEntry } from '../domain/lifecycle';
import { IncidentCreateArgs, IncidentUpdateFields } from '../mutations/incident';
import { IncidentAssignArgs, IncidentCategoryArgs, IncidentMessageArgs, IncidentSetStatusArgs } from '../mutations/lifecycle';
import { SlaView } from '../sla/view';
import { call } from './common';

export const INCIDENT_SORTS = ['sla', 'priority', 'opened', 'updated'] as const;
export const INCIDENT_PAGE_MAX = 500;

export const IncidentListQuery = z.object({
  clientId: Id.optional(),
  priorities: z.array(Priority).max(4).optional(),
  statuses: z.array(IncidentStatus).max(6).optional(),
  search: z.string().max(200).optional(),
  assigneeId: z.string().max(64).optional(),
  category: Category.optional(),
  /** Only change requests (category new functionality), or only support (any other category, or none). */
  scope: z.enum(['support', 'change_request']).optional(),
  /** Only incidents with a clock that is at risk now (amber), or breached (red). */
  sla: z.enum(['at_risk', 'breached']).optional(),
  sort: z.enum(INCIDENT_SORTS).default('sla'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(INCIDENT_PAGE_MAX).default(100),
});
export type IncidentListQuery = z.input<typeof IncidentListQuery>;

export const IncidentListRow = Incident.omit({ fieldVersions: true, description: true }).extend({
  clientName: z.string(),
  clientCode: z.string(),
  /** Both clocks, or null when the client has no contract in force (best effort). */
  sla: SlaView.nullable(),
});
export type IncidentListRow = z.infer<typeof IncidentListRow>;

export const IncidentPage = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(IncidentListRow),
});
export type IncidentPage = z.infer<typeof IncidentPage>;

/** The mutations' arguments less the id the engine makes. */
export const IncidentCreateInput = IncidentCreateArgs.omit({ id: true });
/** Without the mutation's "something must change" rule, so the REST API can build its PATCH body on it. */
export const IncidentUpdateInput = IncidentUpdateFields;

export const IncidentDetail = Incident.extend({ clientName: z.string(), clientCode: z.string(), sla: SlaView.nullable() });
export type IncidentDetail = z.infer<typeof IncidentDetail>;

export const incidentCalls = {
  incidents: {
    list: call(IncidentListQuery, IncidentPage),
    get: call(z.object({ id: Id }), IncidentDetail),
    create: call(IncidentCreateInput, IncidentDetail),
    update: call(IncidentUpdateInput, IncidentDetail),
    setStatus: call(IncidentSetStatusArgs, IncidentDetail),
    acknowledge: call(IncidentSetStatusArgs.omit({ to: true }), IncidentDetail),
    reply: call(IncidentMessageArgs, IncidentDetail),
    note: call(IncidentMessageArgs, IncidentDetail),
    assign: call(IncidentAssignArgs, IncidentDetail),
    setCategory: call(IncidentCategoryArgs, IncidentDetail),
    timeline: call(z.object({ id: Id }), z.array(TimelineEntry)),
  },
} as const;
