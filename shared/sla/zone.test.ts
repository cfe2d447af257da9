import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoInstant } from './zone';

describe('isoInstant', () => {
  it('is toISOString for every whole millisecond from year 0 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('0000-01-01T00:00:00.000Z'), max: Date.parse('9999-12-31T23:59:59.999Z') }), (ms) => {
        expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it('is right at the edges: epoch, leap days, the last millisecond of a year, before 1970', () => {
    for (const text of ['1970-01-01T00:00:00.000Z', '2024-02-29T23:59:59.999Z', '2000-02-29T12:00:00.005Z', '2025-12-31T23:59:59.999Z', '1900-03-01T00:00:00.050Z', '0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'])
      expect(isoInstant(Date.parse(text))).toBe(text);
  });

  it('falls back to Date outside its range and keeps fractions of a millisecond out', () => {
    expect(isoInstant(Date.UTC(10_000, 0, 1))).toBe(new Date(Date.UTC(10_000, 0, 1)).toISOString());
    expect(isoInstant(1.5)).toBe(new Date(1.5).toISOString());
  });
});
