import { describe, expect, it } from 'vitest';
import { isLongSpan, MAX_CONFIRMED_MINUTES, MAX_ENTRY_MINUTES, spanProblem } from './entrySpan';

const MIN = 60_000;
const NOW = Date.parse('2026-12-03T12:00:00.000Z');

describe('spanProblem', () => {
  it('passes a finished span up to a day, and up to a week when confirmed', () => {
    expect(spanProblem(NOW - 60 * MIN, NOW - 30 * MIN, NOW)).toBeNull();
    expect(spanProblem(NOW - MAX_ENTRY_MINUTES * MIN, NOW, NOW)).toBeNull();
    expect(spanProblem(NOW - MAX_CONFIRMED_MINUTES * MIN, NOW, NOW, true)).toBeNull();
  });
  it('names an end not after the start, over a day unconfirmed, over a week, and an end in the future', () => {
    expect(spanProblem(NOW - 30 * MIN, NOW - 30 * MIN, NOW)).toBe('endBeforeStart');
    expect(spanProblem(NOW - (MAX_ENTRY_MINUTES + 1) * MIN, NOW, NOW)).toBe('needsConfirm');
    expect(spanProblem(NOW - (MAX_CONFIRMED_MINUTES + 1) * MIN, NOW, NOW, true)).toBe('tooLong');
    expect(spanProblem(NOW - 10 * MIN, NOW + MIN, NOW)).toBe('inFuture');
  });
  it('leaves an unreadable time to the engine', () => {
    expect(spanProblem(Number.NaN, NOW, NOW)).toBeNull();
    expect(isLongSpan(Number.NaN, NOW)).toBe(false);
  });
});
