import { z } from 'zod';
import { FieldVersions, Id, IsoTime, line, text } from './common';

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

/** The lifecycle states (transitions arrive with the SLA engine). */
export const INCIDENT_STATUSES = ['new', 'acknowledged', 'in_progress', 'waiting_on_client', 'resolved', 'closed'] as const;
export const IncidentStatus = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

/**
 * What kind of work an incident is. The first five are always support (the seed's list); new
 * functionality is not support and becomes a change request with a quote.
 */
export const CATEGORIES = ['monitoring', 'security', 'cms_help', 'bugfix', 'scaling', 'new_functionality'] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

export const INCIDENT_TITLE_MAX = 200;
export const INCIDENT_DESCRIPTION_MAX = 20_000;

export const IncidentTitle = line(INCIDENT_TITLE_MAX);
export const IncidentDescription = text(INCIDENT_DESCRIPTION_MAX);

export const Incident = z.object({
  id: Id,
  clientId: Id,
  title: IncidentTitle,
  description: IncidentDescription,
  priority: Priority,
  status: IncidentStatus,
  openedAt: IsoTime,
  createdAt: IsoTime,
  createdBy: z.string(),
  updatedAt: IsoTime,
  /** The engineer working on it, or null. */
  assigneeId: z.string().nullable().default(null),
  /** One of the always-support categories, new functionality, or null while unsorted. */
  category: Category.nullable().default(null),
  /** The incident this one was merged into (`incident.merge`, docs/billing.md "Bundling"), or null. */
  mergedInto: Id.nullable().default(null),
  fieldVersions: FieldVersions,
});
export type Incident = z.infer<typeof Incident>;

/** Fields an engineer may edit with `incident.update`; each merges last-writer-wins. */
export const INCIDENT_EDITABLE = ['title', 'description', 'priority'] as const;
export type IncidentEditable = (typeof INCIDENT_EDITABLE)[number];
