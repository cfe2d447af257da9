import { type Actor, ROLES, type Role } from './domain/common';
import { VangnetError } from './errors';
import type { ActionKey } from './messages/catalog';

/**
 * Who may do what. A mutation states its rule (`permit` in shared/mutations/define.ts) with the
 * helpers below; the laptop and the server both check it after loading the rows and before
 * `apply`, so both refuse alike, with `forbidden` and the role that would have been enough.
 */

/** Why an actor may not: the least role that may, and what was attempted (a key of `messages.actions`). */
export interface Refusal {
  role: Role;
  action: ActionKey;
}

/** The server itself: alerts opening incidents, escalation steps. It may do everything. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ id: 'system', name: 'Vangnet (system)', kind: 'system', role: 'admin' });

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.kind === 'system' || ROLES.indexOf(actor.role) >= ROLES.indexOf(role);
}

/** Allows `actor` when it has at least `role`; otherwise says what was refused. */
export function needsRole(actor: Actor, role: Role, action: ActionKey): Refusal | null {
  return hasRole(actor, role) ? null : { role, action };
}

/** One's own things are one's own to change; another engineer's (their time, say) are for leads. */
export function ownOrLead(actor: Actor, ownerId: string, action: ActionKey = 'changeOthersWork'): Refusal | null {
  return actor.id === ownerId ? null : needsRole(actor, 'lead', action);
}

/** The refusal as the error both hosts throw: `forbidden`, with the action and roles as keys each front puts in its words. */
export function forbidden(actor: Actor, refusal: Refusal): VangnetError {
  return new VangnetError(
    'forbidden',
    'permission.forbidden',
    { action: refusal.action, role: refusal.role, name: actor.name, has: actor.role },
  );
}
