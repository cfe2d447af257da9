import { z } from 'zod';
import {
  CHANGE_REQUEST_TRANSITIONS,
  type ChangeRequest,
  ChangeRequestStatus,
  EstimateMinutes,
  QuoteCents,
} from '../domain/changeRequest';
import { Id } from '../domain/common';
import { CATEGORIES, type Incident } from '../domain/incident';
import { VangnetError } from '../errors';
import { mergeFields } from '../merge';
import { needsRole } from '../permissions';
import { defineMutation, type MutationContext, type Write } from './define';
import { recategorise, requireIncident } from './lifecycle';
import { scopeReads, scopeReadsAfter } from './scopeLine';

/**
 * Change requests (docs/billing.md, "Change requests"). Converting a ticket sets its category to new
 * functionality, makes its change request (a draft; the same row again on a later conversion) and
 * moves its time entries to the change-request scope; converting back moves them to support.
 * Engineers convert and estimate; the quote amount and every status change are a lead's.
 */

const SUPPORT_CATEGORIES = CATEGORIES.filter((c) => c !== 'new_functionality') as [
  Exclude<(typeof CATEGORIES)[number], 'new_functionality'>,
  ...Exclude<(typeof CATEGORIES)[number], 'new_functionality'>[],
];
const QUOTE = 'quoteChangeRequest';

const readTicket = (id: string) => ({ incident: { table: 'incidents', by: 'id', value: id }, ...scopeReads(id) }) as const;

function stampedPatch(before: ChangeRequest, patch: Partial<ChangeRequest>, ctx: MutationContext): Write[] {
  const merged = mergeFields(before, before.fieldVersions, patch, ctx.hlc);
  if (merged.applied.length === 0) return [];
  return [{ op: 'update', table: 'changeRequests', before, row: { ...merged.row, fieldVersions: merged.versions } }];
}

function draftOf(rows: { changeRequest: ChangeRequest | undefined }, id: string): ChangeRequest {
  const cr = rows.changeRequest;
  if (!cr) throw new VangnetError('not_found', 'changeRequest.unknown', { id });
  if (cr.status !== 'draft') throw new VangnetError('conflict', 'changeRequest.notDraft', { id, status: cr.status });
  return cr;
}

function newChangeRequest(incident: Incident, fields: Pick<ChangeRequest, 'estimateMinutes' | 'quoteCents'>, ctx: MutationContext): ChangeRequest {
  const row: Omit<ChangeRequest, 'fieldVersions'> = {
    id: incident.id,
    incidentId: incident.id,
    clientId: incident.clientId,
    status: 'draft',
    ...fields,
    statusAt: ctx.now,
    createdAt: ctx.now,
    createdBy: ctx.actor.id,
  };
  const stamped = ['status', 'estimateMinutes', 'quoteCents', 'statusAt'];
  return { ...row, fieldVersions: Object.fromEntries(stamped.map((f) => [f, ctx.hlc])) };
}

const Amounts = { estimateMinutes: EstimateMinutes.optional(), quoteCents: QuoteCents.optional() };
/** Setting a quote is a lead's; an estimate anyone's. */
const quotePermit = (actor: Parameters<typeof needsRole>[0], args: { quoteCents?: number | null }) =>
  args.quoteCents === undefined ? null : needsRole(actor, 'lead', QUOTE);
const QUOTE_WHO = 'anyone; setting `quoteCents` needs a `lead` or `admin` (and the system actor).';

export const ConvertToChangeRequestArgs = z.object({ id: Id, ...Amounts }).strict();
export type ConvertToChangeRequestArgs = z.infer<typeof ConvertToChangeRequestArgs>;

export const incidentConvertToChangeRequest = defineMutation({
  name: 'incident.convertToChangeRequest',
  summary:
    "Makes a ticket a change request: category new functionality, its change request (a draft, optionally with estimate and quote), and its time entries' scope change_request.",
  args: ConvertToChangeRequestArgs,
  reads: (args: ConvertToChangeRequestArgs) => readTicket(args.id),
  readsAfter: (_args, rows) => scopeReadsAfter(rows),
  permit: (actor, args) => quotePermit(actor, args),
  who: QUOTE_WHO,
  apply(args, rows, ctx) {
    const incident = requireIncident(rows.incident, args.id);
    const existing = rows.changeRequest;
    if (incident.category === 'new_functionality' && existing)
      throw new VangnetError('conflict', 'changeRequest.already', { id: incident.id });
    const amounts = { estimateMinutes: args.estimateMinutes, quoteCents: args.quoteCents };
    // A ticket converted before keeps its change request: back to support needs it in draft.
    const changeRequest: Write[] = existing
      ? stampedPatch(draftOf(rows, incident.id), amounts, ctx)
      : [
          {
            op: 'insert',
            table: 'changeRequests',
            row: newChangeRequest(incident, { estimateMinutes: args.estimateMinutes ?? null, quoteCents: args.quoteCents ?? null }, ctx),
          },
        ];
    return [...recategorise(incident, 'new_functionality', rows, ctx), ...changeRequest];
  },
});

export const ConvertToSupportArgs = z.object({ id: Id, category: z.enum(SUPPORT_CATEGORIES) }).strict();
export type ConvertToSupportArgs = z.infer<typeof ConvertToSupportArgs>;

export const incidentConvertToSupport = defineMutation({
  name: 'incident.convertToSupport',
  summary:
    "Takes a change request back to support: the given support category, and its time entries' scope support. Refused while the change request is past its draft.",
  args: ConvertToSupportArgs,
  reads: (args: ConvertToSupportArgs) => readTicket(args.id),
  readsAfter: (_args, rows) => scopeReadsAfter(rows),
  apply(args, rows, ctx) {
    const incident = requireIncident(rows.incident, args.id);
    if (incident.category !== 'new_functionality')
      throw new VangnetError('conflict', 'changeRequest.notChangeRequest', { id: incident.id });
    return recategorise(incident, args.category, rows, ctx);
  },
});

export const ChangeRequestUpdateArgs = z
  .object({ id: Id, estimateMinutes: EstimateMinutes.nullable().optional(), quoteCents: QuoteCents.nullable().optional() })
  .strict()
  .refine((a) => a.estimateMinutes !== undefined || a.quoteCents !== undefined, { message: 'changeRequest.nothingToChange' });
export type ChangeRequestUpdateArgs = z.infer<typeof ChangeRequestUpdateArgs>;

export const changeRequestUpdate = defineMutation({
  name: 'changeRequest.update',
  summary: "Changes a draft change request's estimate (minutes) or quote (cents); null clears one.",
  args: ChangeRequestUpdateArgs,
  reads: (args: ChangeRequestUpdateArgs) => ({ changeRequest: { table: 'changeRequests', by: 'id', value: args.id } }) as const,
  permit: (actor, args) => quotePermit(actor, args),
  who: QUOTE_WHO,
  apply(args, rows, ctx) {
    const cr = draftOf(rows, args.id);
    return stampedPatch(cr, { estimateMinutes: args.estimateMinutes, quoteCents: args.quoteCents }, ctx);
  },
});

export const ChangeRequestSetStatusArgs = z.object({ id: Id, to: ChangeRequestStatus }).strict();
export type ChangeRequestSetStatusArgs = z.infer<typeof ChangeRequestSetStatusArgs>;

export const changeRequestSetStatus = defineMutation({
  name: 'changeRequest.setStatus',
  summary:
    'Moves a change request draft → sent → accepted | rejected, or back to draft; sending needs an estimate and a quote. Who and when: the audit trail.',
  args: ChangeRequestSetStatusArgs,
  reads: (args: ChangeRequestSetStatusArgs) =>
    ({
      changeRequest: { table: 'changeRequests', by: 'id', value: args.id },
      incident: { table: 'incidents', by: 'id', value: args.id },
    }) as const,
  permit: (actor) => needsRole(actor, 'lead', 'decideChangeRequest'),
  apply(args, rows, ctx) {
    const cr = rows.changeRequest;
    if (!cr) throw new VangnetError('not_found', 'changeRequest.unknown', { id: args.id });
    if (rows.incident?.category !== 'new_functionality' && args.to !== 'draft')
      throw new VangnetError('conflict', 'changeRequest.notChangeRequest', { id: args.id });
    const allowed = CHANGE_REQUEST_TRANSITIONS[cr.status];
    if (!allowed.includes(args.to))
      throw new VangnetError('invalid_args', 'changeRequest.transition', { from: cr.status, to: args.to, allowed: allowed.join(', ') }, [
        { path: 'to', code: 'transition' },
      ]);
    if (args.to === 'sent' && cr.estimateMinutes === null)
      throw new VangnetError('invalid_args', 'changeRequest.noEstimate', { id: cr.id }, [{ path: 'estimateMinutes', code: 'required' }]);
    if (args.to === 'sent' && cr.quoteCents === null)
      throw new VangnetError('invalid_args', 'changeRequest.noQuote', { id: cr.id }, [{ path: 'quoteCents', code: 'required' }]);
    return stampedPatch(cr, { status: args.to, statusAt: ctx.now }, ctx);
  },
});
