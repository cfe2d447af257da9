import { z } from 'zod';
import { IncidentUpdateInput } from '../../shared/contract';
import { Id, IsoTime } from '../../shared/domain/common';
import { ContractTerms, contractTemplate } from '../../shared/domain/contract';
import { IncidentStatus, Priority } from '../../shared/domain/incident';
import { LocalDate } from '../../shared/sla/calendar';

/**
 * What the REST API accepts beyond the shared contract's inputs: query strings, path ids and the
 * bodies of its own routes. The routes validate with these and the OpenAPI document is generated
 * from them, so the two cannot drift.
 */
export const API_PAGE_MAX = 500;

export const Page = z.object({
  limit: z.coerce.number().int().min(1).max(API_PAGE_MAX).default(50),
  cursor: z.string().max(100).optional().meta({ description: 'nextCursor of the previous page' }),
});
export const IncidentFilter = Page.extend({ clientId: Id.optional(), status: IncidentStatus.optional(), priority: Priority.optional() });

export const PathId = z.object({ id: Id });

export const StatusChange = z.object({ to: IncidentStatus, at: IsoTime.optional() });

const CLOSED_AT_CHRISTMAS = [
  { kind: 'days', from: '2026-12-28', to: '2026-12-31', label: 'Between the years' },
  { kind: 'span', start: '2026-12-24T12:00', end: '2026-12-25T00:00', label: 'Christmas Eve afternoon' },
] as const;

export const ContractSet = z
  .object({ effectiveFrom: LocalDate.optional(), terms: ContractTerms })
  .meta({ examples: [{ effectiveFrom: '2026-01-01', terms: { ...contractTemplate('subscription'), closures: CLOSED_AT_CHRISTMAS } }] });

const PATCHABLE = ['title', 'description', 'priority'] as const;

/**
 * A PATCH must change something: the mutation refuses an empty one, so the API says so up front
 * (and its document requires one of the fields instead of accepting `{}`).
 */
export const IncidentPatch = IncidentUpdateInput.omit({ id: true })
  .refine((patch) => PATCHABLE.some((field) => patch[field] !== undefined), {
    message: 'nothing to change: give a title, description or priority',
  })
  .meta({ anyOf: PATCHABLE.map((field) => ({ required: [field] })) });
