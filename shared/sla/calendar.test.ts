import { describe, expect, it } from 'vitest';
import { VangnetError } from '../errors';
import { dutchOfficeCalendar, parseCalendar } from './calendar';
import { compileCalendar } from './compiled';
import { assertTimeZone, localToUtc, offsetAt, utcToLocal } from './zone';

const base = { kind: 'business', timeZone: 'Europe/Amsterdam', week: { mon: [['08:30', '17:30']] } } as const;

function problem(input: unknown): string {
  try {
    parseCalendar(input);
  } catch (err) {
    expect(err).toBeInstanceOf(VangnetError);
    expect((err as VangnetError).code).toBe('invalid_args');
    return (err as VangnetError).message;
  }
  throw new Error('expected a validation error');
}

describe('calendar definitions', () => {
  it('accepts several intervals a day, touching ones included, and fills defaults', () => {
    const cal = parseCalendar({
      ...base,
      week: {
        mon: [
          ['08:30', '12:00'],
          ['12:00', '13:00'],
          ['13:30', '24:00'],
        ],
      },
    });
    expect(cal).toMatchObject({ kind: 'business', holidays: null, closures: [] });
    expect(dutchOfficeCalendar()).toMatchObject({ holidays: { country: 'NL' }, timeZone: 'Europe/Amsterdam' });
  });

  it('refuses inverted, empty and overlapping hours, naming the day', () => {
    expect(problem({ ...base, week: { tue: [['17:30', '08:30']] } })).toMatch(/week\.tue: 17:30–08:30 ends before it starts/);
    expect(problem({ ...base, week: { wed: [['09:00', '09:00']] } })).toMatch(/week\.wed: 09:00–09:00 ends before it starts/);
    expect(
      problem({
        ...base,
        week: {
          mon: [
            ['13:00', '17:00'],
            ['08:30', '13:30'],
          ],
        },
      }),
    ).toMatch(/week\.mon: 08:30–13:30 overlaps 13:00–17:00/);
    expect(problem({ ...base, week: { mon: [['8:30', '17:00']] } })).toMatch(/must be a time HH:mm/);
    expect(problem({ ...base, week: { mon: [['08:30', '24:30']] } })).toMatch(/must be a time HH:mm/);
    expect(problem({ ...base, week: {} })).toMatch(/at least one interval/);
    expect(problem({ ...base, week: { maandag: [['08:30', '17:30']] } })).toMatch(/maandag/);
  });

  it('refuses unknown time zones and holiday countries', () => {
    expect(problem({ ...base, timeZone: 'Europe/Amsterdan' })).toMatch(/unknown time zone "Europe\/Amsterdan"/);
    expect(problem({ kind: '24/7', timeZone: 'Mars/Olympus' })).toMatch(/unknown time zone/);
    expect(problem({ ...base, holidays: { country: 'XX' } })).toMatch(/unknown holiday country "XX"/);
    expect(problem({ ...base, holidays: { country: 'DE', state: 'ZZ' } })).toMatch(/unknown state "ZZ"/);
    expect(() => assertTimeZone('Nowhere/Town')).toThrow(VangnetError);
    expect(parseCalendar({ ...base, holidays: { country: 'DE', state: 'BY' } }).kind).toBe('business');
  });

  it('refuses inverted and mixed closures', () => {
    expect(problem({ ...base, closures: [{ kind: 'days', from: '2026-12-31', to: '2026-12-24' }] })).toMatch(
      /closures\.0: the closure ends before it starts/,
    );
    expect(problem({ ...base, closures: [{ kind: 'span', start: '2026-12-24T12:00', end: '2026-12-24T11:00' }] })).toMatch(
      /closure ends before it starts/,
    );
    expect(problem({ ...base, closures: [{ kind: 'span', start: '2026-12-24T12:00', end: '2026-12-24T13:00Z' }] })).toMatch(
      /both be local or both carry an offset/,
    );
    expect(problem({ ...base, closures: [{ kind: 'days', from: '2026-02-30', to: '2026-03-01' }] })).toMatch(/must be a date/);
  });

  it('refuses a span closure whose start or end is no date-time, naming the field, instead of throwing', () => {
    for (const [start, end] of [
      ['x', '2026-12-24T13:00'],
      ['2026-12-24T12:00', ''],
      ['2026-02-30T12:00', '2026-03-01T00:00'],
    ])
      expect(problem({ ...base, closures: [{ kind: 'span', start, end }] })).toMatch(/closures\.0\.(start|end): must be a date-time/);
    expect(problem({ ...base, timeZone: 'Nowhere/Land', closures: [{ kind: 'days', from: '2026-12-24', to: 'later' }] })).toMatch(
      /unknown time zone.*closures\.0\.to: must be a date/,
    );
  });

  it('compiles a 24/7 calendar without business fields', () => {
    expect(compileCalendar({ kind: '24/7', timeZone: 'UTC' }).alwaysOpen).toBe(true);
    expect(problem({ kind: '24/7', timeZone: 'UTC', week: base.week })).toMatch(/week/);
  });
});

describe('zone arithmetic (Intl)', () => {
  const ams = 'Europe/Amsterdam';
  it('finds offsets on both sides of both changes', () => {
    expect(offsetAt(ams, Date.parse('2025-03-30T00:59:59Z')) / 3_600_000).toBe(1);
    expect(offsetAt(ams, Date.parse('2025-03-30T01:00:00Z')) / 3_600_000).toBe(2);
    expect(offsetAt(ams, Date.parse('2025-10-26T00:59:59Z')) / 3_600_000).toBe(2);
    expect(offsetAt(ams, Date.parse('2025-10-26T01:00:00Z')) / 3_600_000).toBe(1);
    expect(offsetAt('America/New_York', Date.parse('2025-07-01T12:00:00Z')) / 3_600_000).toBe(-4);
  });

  it('maps readings in the spring gap forward and ambiguous autumn readings to the earlier instant', () => {
    expect(new Date(localToUtc(ams, Date.UTC(2025, 2, 30, 2, 30))).toISOString()).toBe('2025-03-30T01:30:00.000Z'); // 03:30 CEST
    expect(new Date(localToUtc(ams, Date.UTC(2025, 9, 26, 2, 30))).toISOString()).toBe('2025-10-26T00:30:00.000Z'); // 02:30 CEST
    expect(new Date(localToUtc(ams, Date.UTC(2025, 9, 26, 3, 30))).toISOString()).toBe('2025-10-26T02:30:00.000Z');
    expect(new Date(utcToLocal(ams, Date.parse('2025-10-26T01:30:00Z'))).toISOString()).toBe('2025-10-26T02:30:00.000Z'); // the second 02:30
  });
});
