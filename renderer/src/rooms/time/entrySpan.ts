import { MAX_TIME_ENTRY_MINUTES } from '../../../../shared/domain/time';

/** The engine's limit for an entry by hand or an edit: a day (a running timer may go on for a week). */
export const MAX_ENTRY_MINUTES = MAX_TIME_ENTRY_MINUTES;

export type SpanProblem = 'endBeforeStart' | 'tooLong' | 'inFuture';

/**
 * What the engine would refuse about a span, checked before sending so the form can say it beside
 * the field: an end not after the start, longer than a day, or an end still to come.
 */
export function spanProblem(startMs: number, endMs: number, nowMs: number): SpanProblem | null {
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) return null;
  if (endMs <= startMs) return 'endBeforeStart';
  if (endMs - startMs > MAX_ENTRY_MINUTES * 60_000) return 'tooLong';
  if (endMs > nowMs) return 'inFuture';
  return null;
}
