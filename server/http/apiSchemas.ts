import { z } from 'zod';
import { IncidentUpdateInput } from '../../shared/contract';
import { Id } from '../../shared/domain/common';
import { contractTemplate } from '../../shared/domain/contract';
import { IncidentStatus, Priority } from '../../shared/domain/incident';
import { ContractSetArgs } from '../../shared/mutations/contract';
import { IncidentSetStatusArgs } from '../../shared/mutations/lifecycle';
import { invalidArgs, parseOrThrow } from '../../shared/validation';

/**
 * What the REST API accepts beyond the shared contract's inputs: query strings, path ids and the
 * bodies of its own routes. The routes validate with these and the OpenAPI document is generated
 * from them, so the two cannot drift. A body that feeds a mutation is derived from its args (the
 * id comes from the path or is made here), never written a second time.
 */
export const API_PAGE_MAX = 500;

export const Page = z.object({
  limit: z.coerce.number().int().min(1).max(API_PAGE_MAX).default(50),
  cursor: Id.optional().meta({ description: 'nextCursor of the previous page' }),
});
export const IncidentFilter = Page.extend({ clientId: Id.optional(), status: IncidentStatus.optional(), priority: Priority.optional() });

export const PathId = z.object({ id: Id });

export const StatusChange = IncidentSetStatusArgs.omit({ id: true });

const CLOSED_AT_CHRISTMAS = [
  { kind: 'days', from: '2026-12-28', to: '2026-12-31', label: 'Between the years' },
  { kind: 'span', start: '2026-12-24T12:00', end: '2026-12-25T00:00', label: 'Christmas Eve afternoon' },
] as const;

// The example is made when the OpenAPI document is: the template validates its calendar, which
// loads the public-holiday tables, and a starting server has better things to do.
export const ContractSet = ContractSetArgs.omit({ id: true, clientId: true })
  .partial({ effectiveFrom: true })
  .meta({
    get examples() {
      return [{ effectiveFrom: '2026-01-01', terms: { ...contractTemplate('subscription'), closures: CLOSED_AT_CHRISTMAS } }];
    },
  });

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

const NUL = '\u0000';

/** The path of the first string (or key) holding a NUL character in a parsed JSON body, or null. */
function nulPath(body: unknown): string | null {
  // Iterative: a body may nest deeper than the stack.
  const pending: [unknown, string[]][] = [[body, []]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, at] = next;
    if (typeof value === 'string' && value.includes(NUL)) return at.join('.') || '(root)';
    if (!value || typeof value !== 'object') continue;
    for (const [key, child] of Object.entries(value)) {
      if (key.includes(NUL)) return [...at, key].join('.');
      pending.push([child, [...at, key]]);
    }
  }
  return null;
}

/**
 * Parses a request body. PostgreSQL's text cannot hold a NUL character (U+0000), and a write
 * carrying one would fail inside the database, so the API refuses it up front as invalid input.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const path = nulPath(body);
  if (path !== null) throw invalidArgs(what, [{ path, code: 'nul' }]);
  return parseOrThrow(schema, body, what);
}
