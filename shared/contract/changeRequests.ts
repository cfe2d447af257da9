import { z } from 'zod';
import { ChangeRequest } from '../domain/changeRequest';
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

export const changeRequestCalls = {
  changeRequests: {
    /** The ticket's place on the scope line and its change request (null when never converted). */
    forIncident: call(z.object({ incidentId: Id }).strict(), ScopeState),
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
