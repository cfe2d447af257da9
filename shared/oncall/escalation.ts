import type { EscalationPolicy, EscalationTarget, PolicyAttachment } from '../domain/oncall';
import type { Priority } from '../domain/incident';

/**
 * The escalation step machine, pure: given a policy, what has happened so far and the time, it
 * says what to do now. The server's escalation engine (later) stores the state, runs the action
 * through its page outbox, and asks again at `nextDueAt`.
 *
 * Rules (docs/oncall.md):
 * - The first step pages when the escalation starts. A step pages its targets' engineers, then
 *   waits its `delayMinutes` for an acknowledgement; then the next step pages.
 * - After the last step the list runs again from the first, `repeat` more times; then it is
 *   exhausted (nobody answered: the engine reports that, it does not loop).
 * - A step whose targets resolve to nobody (a schedule with a gap) is skipped at once, never
 *   waited out: the next step with somebody pages in the same action.
 * - An acknowledged or resolved escalation does nothing more.
 * - Each position (pass, step) pages at most once, in order, each no earlier than the one before.
 * - A policy edited during an escalation goes on from the position after the last page, by the
 *   new steps; a re-triggered alert starts a fresh state (the caller's choice).
 */

/** A place in the policy: which run through the steps (0 = the first) and which step. */
export interface Position {
  pass: number;
  step: number;
}

export interface EscalationState {
  status: 'open' | 'acknowledged' | 'resolved';
  /** When the escalation started (the incident was opened by an alert, or re-triggered). */
  startedAt: number;
  /** The last position that paged, and when; null before the first page. */
  last: (Position & { at: number }) | null;
}

export type EscalationAction =
  | { kind: 'ended'; reason: 'acknowledged' | 'resolved' }
  /** Nothing to do before `dueAt`, when `position` is next (null: after the last position, exhausted then unless acknowledged). */
  | { kind: 'wait'; dueAt: number; position: Position | null }
  /**
   * Page `engineerIds` for `position` now; `skipped` are the positions before it that had nobody.
   * `nextDueAt` is when to ask again: when the next step is due, or after the last position, when its wait ends.
   */
  | { kind: 'page'; position: Position; engineerIds: string[]; at: number; skipped: Position[]; nextDueAt: number }
  /** Every position is used up: the last one paged and its wait is over, or the rest had nobody. */
  | { kind: 'exhausted'; skipped: Position[] };

/** Who a target means at an instant: a schedule's on-call engineers (maybe none), or the named engineer. */
export type ResolveTarget = (target: EscalationTarget, at: number) => string[];

const MINUTE_MS = 60_000;

/** The position after `p`; a `p` past the steps (the policy lost steps since) goes on with the next pass. */
function following(policy: EscalationPolicy, p: Position): Position | null {
  if (p.step + 1 < policy.steps.length) return { pass: p.pass, step: p.step + 1 };
  return p.pass < policy.repeat ? { pass: p.pass + 1, step: 0 } : null;
}

/** What to do at `now`. */
export function nextEscalationAction(policy: EscalationPolicy, state: EscalationState, now: number, resolve: ResolveTarget): EscalationAction {
  if (state.status !== 'open') return { kind: 'ended', reason: state.status };
  const last = state.last;
  let position = last ? following(policy, last) : { pass: 0, step: 0 };
  const dueAt = last ? last.at + (policy.steps[last.step]?.delayMinutes ?? 0) * MINUTE_MS : state.startedAt;
  if (now < dueAt) return { kind: 'wait', dueAt, position };
  const skipped: Position[] = [];
  while (position) {
    const step = policy.steps[position.step]!;
    const engineerIds = [...new Set(step.targets.flatMap((target) => resolve(target, now)))];
    if (engineerIds.length > 0) return { kind: 'page', position, engineerIds, at: now, skipped, nextDueAt: now + step.delayMinutes * MINUTE_MS };
    skipped.push(position);
    position = following(policy, position);
  }
  return { kind: 'exhausted', skipped };
}

/** The state after an action was carried out (a page sent); other actions leave it as it was. */
export function afterAction(state: EscalationState, action: EscalationAction): EscalationState {
  return action.kind === 'page' ? { ...state, last: { ...action.position, at: action.at } } : state;
}

/**
 * The policy an incident follows: the attachment for its contract and priority, else for its
 * contract (any priority), else for its priority (any contract), else the default.
 */
export function policyFor(
  contractId: string | null,
  priority: Priority,
  attachments: readonly PolicyAttachment[],
  defaultPolicyId: string,
): string {
  const match = (c: string | null, p: Priority | null) => attachments.find((a) => a.contractId === c && a.priority === p);
  const hit =
    (contractId !== null ? (match(contractId, priority) ?? match(contractId, null)) : undefined) ?? match(null, priority) ?? match(null, null);
  return hit?.policyId ?? defaultPolicyId;
}
