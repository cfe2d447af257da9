import { z } from 'zod';
import type { SlaClock } from './clocks';
import { Explanation } from './explanation';
import { isoInstant } from './zone';

/**
 * A clock as the UI and the API show it: instants as ISO strings. A running clock's due and
 * at-risk instants don't move while nothing happens, so the UI can tick every second on its own
 * and ask again only when the incident changes.
 */
export const ClockView = z.object({
  state: z.enum(['none', 'ok', 'at_risk', 'breached', 'met', 'paused']),
  running: z.boolean(),
  targetMinutes: z.number().nullable(),
  calendar: z.string().nullable(),
  dueAt: z.string().nullable(),
  atRiskAt: z.string().nullable(),
  breachedAt: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  remainingMs: z.number().nullable(),
  elapsedMs: z.number(),
  pausedMs: z.number(),
  /** How the due instant was reached, as data; each front renders it in its language. */
  explanation: Explanation.optional(),
});
export type ClockView = z.infer<typeof ClockView>;

export const SlaView = z.object({
  contractId: z.string(),
  response: ClockView,
  resolution: ClockView,
});
export type SlaView = z.infer<typeof SlaView>;

const iso = (ms: number | null) => (ms === null ? null : isoInstant(ms));

export function toClockView(clock: SlaClock, explanation?: Explanation): ClockView {
  return {
    state: clock.state,
    running: clock.running,
    targetMinutes: clock.targetMs === null ? null : clock.targetMs / 60_000,
    calendar: clock.calendar,
    dueAt: iso(clock.dueAt),
    atRiskAt: iso(clock.atRiskAt),
    breachedAt: iso(clock.breachedAt),
    stoppedAt: iso(clock.stoppedAt),
    remainingMs: clock.remainingMs,
    elapsedMs: clock.elapsedMs,
    pausedMs: clock.pausedMs,
    ...(explanation === undefined ? {} : { explanation }),
  };
}
