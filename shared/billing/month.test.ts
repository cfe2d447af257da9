import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcToLocal } from '../sla/zone';
import { VangnetError } from '../errors';
import { addMonths, BillingMonth, monthOfInstant, monthRangeUtc, monthsBetween } from './month';

const AMS = 'Europe/Amsterdam';
const at = (iso: string) => Date.parse(iso);

describe('billing months', () => {
  it('places an instant in the month of the contract’s wall clock, not UTC', () => {
    expect(monthOfInstant(at('2026-03-31T21:59:59Z'), AMS)).toBe('2026-03'); // 23:59:59 CEST
    expect(monthOfInstant(at('2026-03-31T22:00:00Z'), AMS)).toBe('2026-04'); // 00:00 CEST
    expect(monthOfInstant(at('2026-12-31T23:00:00Z'), AMS)).toBe('2027-01'); // 00:00 CET, new year
    expect(monthOfInstant(at('2026-12-31T22:59:59Z'), AMS)).toBe('2026-12');
    expect(monthOfInstant(at('2026-12-31T23:00:00Z'), 'UTC')).toBe('2026-12');
  });

  it('gives a month its real length across DST: March an hour short, October an hour long', () => {
    const hours = (m: string) => {
      const [a, b] = monthRangeUtc(m, AMS);
      return (b - a) / 3_600_000;
    };
    expect(hours('2026-03')).toBe(31 * 24 - 1);
    expect(hours('2026-10')).toBe(31 * 24 + 1);
    expect(hours('2026-02')).toBe(28 * 24);
    expect(monthRangeUtc('2026-04', AMS)).toEqual([at('2026-03-31T22:00:00Z'), at('2026-04-30T22:00:00Z')]);
    expect(monthRangeUtc('2026-11', AMS)[0]).toBe(at('2026-10-31T23:00:00Z'));
  });

  it('steps and counts months across years', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthsBetween('2025-12', '2027-02')).toBe(14);
    expect(monthsBetween('2027-02', '2025-12')).toBe(-14);
  });

  it('refuses what is not a month, and an unknown zone', () => {
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-01', '2026-01-01', '']) expect(BillingMonth.safeParse(bad).success, bad).toBe(false);
    expect(() => addMonths('2026-13', 1)).toThrow(RangeError);
    expect(() => monthRangeUtc('2026-01', 'Europe/Amsterdan')).toThrow(VangnetError);
  });
  it('names the month of any instant as its wall-clock date does (property)', () => {
    const zone = fc.constantFrom(AMS, 'UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Australia/Lord_Howe');
    const instant = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2099, 11, 31) });
    fc.assert(
      fc.property(instant, zone, (ms, tz) => {
        expect(monthOfInstant(ms, tz)).toBe(new Date(utcToLocal(tz, ms)).toISOString().slice(0, 7));
      }),
    );
  });
});
