import { describe, expect, it } from 'vitest';
import { MAX_ENTRY_MINUTES, spanProblem } from './entrySpan';

const MIN = 60_000;
const NOW = Date.parse('2026-12-03T12:00:00.000Z');

describe('spanProblem', () => {
  it('passes a finished span up to a day', () => {
    expect(spanProblem(NOW - 60 * MIN, NOW - 30 * MIN, NOW)).toBeNull();
    expect(spanProblem(NOW - MAX_ENTRY_MINUTES * MIN, NOW, NOW)).toBeNull();
  });
  it('names an end not after the start, more than a day, and an end in the future', () => {
    expect(spanProblem(NOW - 30 * MIN, NOW - 30 * MIN, NOW)).toBe('endBeforeStart');
    expect(spanProblem(NOW - (MAX_ENTRY_MINUTES + 1) * MIN, NOW, NOW)).toBe('tooLong');
    expect(spanProblem(NOW - 10 * MIN, NOW + MIN, NOW)).toBe('inFuture');
  });
  it('leaves an unreadable time to the engine', () => {
    expect(spanProblem(Number.NaN, NOW, NOW)).toBeNull();
  });
});
