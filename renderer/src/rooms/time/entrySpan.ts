import { MAX_ENTRY_MINUTES as WEEK_MINUTES } from '../../../../shared/billing/rounding';
import { MAX_TIME_ENTRY_MINUTES } from '../../../../shared/domain/time';

/** An entry by hand or an edit over a day needs the engineer's confirmation (`confirmLong`)... */
export const MAX_ENTRY_MINUTES = MAX_TIME_ENTRY_MINUTES;
/** ...and none may pass a week (the engine's limit, as for a running timer). */
export const MAX_CONFIRMED_MINUTES = WEEK_MINUTES;

export type SpanProblem = 'endBeforeStart' | 'tooLong' | 'needsConfirm' | 'inFuture';

/** True when a span is over a day: the form shows its "it really lasted this long" box. */
export function isLongSpan(startMs: number, endMs: number): boolean {
  return Number.isFinite(startMs) && Number.isFinite(endMs) && endMs - startMs > MAX_ENTRY_MINUTES * 60_000;
}

/**
 * What the engine would refuse about a span, checked before sending so the form can say it beside
 * the field: an end not after the start, longer than a week, over a day without confirmation, or
 * an end still to come.
 */
export function spanProblem(startMs: number, endMs: number, nowMs: number, confirmed = false): SpanProblem | null {
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) return null;
  if (endMs <= startMs) return 'endBeforeStart';
  if (endMs - startMs > MAX_CONFIRMED_MINUTES * 60_000) return 'tooLong';
  if (!confirmed && isLongSpan(startMs, endMs)) return 'needsConfirm';
  if (endMs > nowMs) return 'inFuture';
  return null;
}
