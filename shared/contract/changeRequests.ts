import { z } from 'zod';
import { ChangeRequest, ChangeRequestStatus } from '../domain/changeRequest';
import { Id } from '../domain/common';
import { Category } from '../domain/incident';
import {
  ChangeRequestSetStatusArgs,
  ChangeRequestUpdateArgs,
  ConvertToChangeRequestArgs,
  ConvertToSupportArgs,
} from '../mutations/changeRequest';
import { call } from './common';

/** A change request as the fronts show it. */
export const ChangeRequestView = ChangeRequest.omit({ fieldVersions: true });
export type ChangeRequestView = z.infer<typeof ChangeRequestView>;

/** Where a ticket stands on the scope line: its category, and its change request if it ever had one. */
export const ScopeState = z.object({
  incidentId: Id,
  category: Category.nullable(),
  /** Whether the ticket is a change request now (category new functionality). */
  isChangeRequest: z.boolean(),
  changeRequest: ChangeRequestView.nullable(),
});
export type ScopeState = z.infer<typeof ScopeState>;

/** A change request in a list: with its ticket's title. */
export const ChangeRequestListItem = ChangeRequestView.extend({ title: z.string() });
export type ChangeRequestListItem = z.infer<typeof ChangeRequestListItem>;

export const CHANGE_REQUEST_LIST_MAX = 500;

export const ChangeRequestQuery = z
  .object({
    clientId: Id.optional(),
    status: ChangeRequestStatus.optional(),
    limit: z.number().int().min(1).max(CHANGE_REQUEST_LIST_MAX).default(200),
  })
  .strict();

export const ChangeRequestList = z.object({ items: z.array(ChangeRequestListItem) });
export type ChangeRequestList = z.infer<typeof ChangeRequestList>;

export const changeRequestCalls = {
  changeRequests: {
    /** The ticket's place on the scope line and its change request (null when never converted). */
    forIncident: call(z.object({ incidentId: Id }).strict(), ScopeState),
    /** Change requests, newest status change first, by client and/or status, with their tickets' titles. */
    list: call(ChangeRequestQuery, ChangeRequestList),
    /** Converts a ticket to a change request (draft); a quote amount needs a lead. */
    convert: call(ConvertToChangeRequestArgs, ScopeState),
    /** Takes a change request back to support, in the given category; refused past draft. */
    toSupport: call(ConvertToSupportArgs, ScopeState),
    /** A draft's estimate (minutes) and quote (cents; leads). */
    update: call(ChangeRequestUpdateArgs, ScopeState),
    /** draft → sent → accepted | rejected, or back to draft (leads). */
    setStatus: call(ChangeRequestSetStatusArgs, ScopeState),
  },
} as const;
