import { z } from 'zod';
import { IncidentStatus, Priority } from '../domain/incident';
import { parseOrThrow } from '../validation';

/**
 * What a contract agrees per priority, and the incident history the clocks are derived from.
 * Targets are stated in minutes (how SLAs are written); the engine works in epoch ms inside.
 */

/** A target runs on a named calendar of the contract, typically `24/7` or `business`. */
export const SlaTarget = z.strictObject({
  minutes: z.number().positive({ message: 'number.positiveMinutes' }),
  calendar: z.string().min(1, { message: 'calendar.calendarName' }),
});
export type SlaTarget = z.infer<typeof SlaTarget>;

/** `null` is best effort: that clock has no target and shows state `none`. */
export const PriorityTargets = z.strictObject({ response: SlaTarget.nullable(), resolution: SlaTarget.nullable() });
export type PriorityTargets = z.infer<typeof PriorityTargets>;

/**
 * At risk from `fraction` of the target used, or `leadMinutes` of covered time before the due
 * instant, whichever comes first (MISSION.md row 5: 75 % and 15 minutes).
 */
export const AtRiskRule = z.strictObject({
  // Shown as a percentage in the editor: its bounds are worded as 0–100 %, not as 0–1.
  fraction: z.number().min(0, { message: 'number.percentage' }).max(1, { message: 'number.percentage' }).default(0.75),
  leadMinutes: z.number().min(0).default(15),
});
export type AtRiskRule = z.infer<typeof AtRiskRule>;

export const SlaPolicy = z.strictObject({
  targets: z.strictObject({ P1: PriorityTargets, P2: PriorityTargets, P3: PriorityTargets, P4: PriorityTargets }),
  atRisk: AtRiskRule.default({ fraction: 0.75, leadMinutes: 15 }),
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;
export type SlaPolicyInput = z.input<typeof SlaPolicy>;

/** Validates a policy; throws `invalid_args` naming every bad field (e.g. a negative target). */
export function parsePolicy(input: unknown): SlaPolicy {
  return parseOrThrow(SlaPolicy, input, 'SLA policy');
}

const at = z.number().finite();

/**
 * The incident's history as the clocks read it. `at` is epoch ms. Core derives these from the
 * append-only status events and replies; nothing about a clock is stored (DESIGN.md, Sync 4).
 * - `status`: any status change; `acknowledged` counts as the first response, `waiting_on_client`
 *   pauses the resolution clock, `resolved`/`closed` stop it, leaving them reopens.
 * - `reply`: only a client-visible reply counts as a response; internal notes don't.
 * - `resolved` and `reopened` are shorthands for the matching status changes.
 */
export const IncidentEvent = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('opened'), at, priority: Priority }),
  z.strictObject({ kind: z.literal('status'), at, to: IncidentStatus }),
  z.strictObject({ kind: z.literal('reply'), at, clientVisible: z.boolean() }),
  z.strictObject({ kind: z.literal('resolved'), at }),
  z.strictObject({ kind: z.literal('reopened'), at, to: IncidentStatus.optional() }),
  z.strictObject({ kind: z.literal('priority'), at, to: Priority }),
]);
export type IncidentEvent = z.infer<typeof IncidentEvent>;

export function parseEvents(input: unknown): IncidentEvent[] {
  return parseOrThrow(z.array(IncidentEvent), input, 'incident events');
}
