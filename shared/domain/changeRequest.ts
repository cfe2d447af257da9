import { z } from 'zod';
import { FieldVersions, Id, IsoTime } from './common';

/**
 * A change request (docs/billing.md, "Change requests"): the ticket's new-development part, with
 * an estimate, a quote and where the quote stands. One per incident, and its id is the incident's
 * id, so two laptops converting the same ticket offline make one row, not two.
 */
export const CHANGE_REQUEST_STATUSES = ['draft', 'sent', 'accepted', 'rejected'] as const;
export const ChangeRequestStatus = z.enum(CHANGE_REQUEST_STATUSES);
export type ChangeRequestStatus = z.infer<typeof ChangeRequestStatus>;

/** The largest estimate: 10,000 hours. */
export const MAX_ESTIMATE_MINUTES = 10_000 * 60;
/** The largest quote: ten million euro, in cents. */
export const MAX_QUOTE_CENTS = 1_000_000_000;

export const EstimateMinutes = z.number().int().min(1).max(MAX_ESTIMATE_MINUTES);
export const QuoteCents = z.number().int().min(0).max(MAX_QUOTE_CENTS);

/**
 * Where a status may go: a draft is sent; a sent quote is accepted, rejected or taken back to
 * draft; an accepted or rejected one is final unless reopened to draft (a lead's call).
 */
export const CHANGE_REQUEST_TRANSITIONS: Readonly<Record<ChangeRequestStatus, readonly ChangeRequestStatus[]>> = {
  draft: ['sent'],
  sent: ['accepted', 'rejected', 'draft'],
  accepted: ['draft'],
  rejected: ['draft'],
};

export const ChangeRequest = z.object({
  /** The incident's id. */
  id: Id,
  incidentId: Id,
  clientId: Id,
  status: ChangeRequestStatus,
  /** Minutes; required (> 0) before the quote is sent. */
  estimateMinutes: EstimateMinutes.nullable(),
  /** Euro cents; required before the quote is sent. */
  quoteCents: QuoteCents.nullable(),
  /** When the status last changed (who: the audit trail). */
  statusAt: IsoTime,
  createdAt: IsoTime,
  createdBy: z.string(),
  fieldVersions: FieldVersions,
});
export type ChangeRequest = z.infer<typeof ChangeRequest>;
