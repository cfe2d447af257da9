import { z } from 'zod';

/**
 * A clock's explanation as data: a headline `key` and the `params` that fill it, with instants as
 * ISO strings and spans in ms. Each front renders it in its own language from the shared catalog
 * (`messages.explain.*`, shared/sla/explanationText.ts): the renderer with i18next, the CLI and the
 * REST API in English. No prose crosses the contract.
 */

/** An SLA target: its length, and whether its calendar is always open (plain hours) or business hours. */
export const ExplainTarget = z.object({ ms: z.number(), alwaysOpen: z.boolean() });
export type ExplainTarget = z.infer<typeof ExplainTarget>;

/** Closures on consecutive local dates (`YYYY-MM-DD`), each closure's name in both languages. */
export const ClosureRun = z.object({
  first: z.string(),
  last: z.string(),
  names: z.array(z.object({ nl: z.string(), en: z.string() })),
});
export type ClosureRun = z.infer<typeof ClosureRun>;

const ClockKind = z.enum(['response', 'resolution']);

export const Explanation = z.discriminatedUnion('key', [
  /** No target: best effort. */
  z.object({ key: z.literal('none') }),
  /** Stopped in time: answered or resolved at `at` after `usedMs` of the target. */
  z.object({
    key: z.literal('met'),
    params: z.object({ clock: ClockKind, timeZone: z.string(), at: z.string(), usedMs: z.number(), target: ExplainTarget }),
  }),
  /** Waiting on the client since `since`, `leftMs` of the target left. */
  z.object({
    key: z.literal('paused'),
    params: z.object({ timeZone: z.string(), since: z.string(), leftMs: z.number(), target: ExplainTarget }),
  }),
  /** Running (due, at risk) or breached: how the due instant `at` was reached from `startedAt`. */
  z.object({
    key: z.enum(['due', 'atRisk', 'breached']),
    params: z.object({
      clock: ClockKind,
      timeZone: z.string(),
      at: z.string(),
      /** Time left, for an at-risk clock. */
      leftMs: z.number().nullable(),
      target: ExplainTarget,
      startedAt: z.string(),
      /** The first covered instant, when the clock started outside business hours. */
      countingFrom: z.string().nullable(),
      closures: z.array(ClosureRun),
      /** Runs of days without business hours (weekends) between the start and the due instant. */
      weekends: z.number(),
      pausedMs: z.number(),
      /** When a breached clock was stopped (answered or resolved late). */
      stoppedAt: z.string().nullable(),
    }),
  }),
]);
export type Explanation = z.infer<typeof Explanation>;
export type ExplanationKey = Explanation['key'];
