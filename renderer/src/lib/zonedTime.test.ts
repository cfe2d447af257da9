import { describe, expect, it } from 'vitest';
import { addDays, mondayOf, wallTime, wallToIso, weekdayIndex } from './zonedTime';

describe('zoned wall time', () => {
  it('reads a wall-clock time in the contract zone, in winter and in summer', () => {
    expect(wallToIso('2026-12-18T16:55', 'Europe/Amsterdam')).toBe('2026-12-18T15:55:00.000Z');
    expect(wallToIso('2026-07-03T16:55', 'Europe/Amsterdam')).toBe('2026-07-03T14:55:00.000Z');
    expect(wallToIso('2026-12-18T16:55', 'America/New_York')).toBe('2026-12-18T21:55:00.000Z');
    expect(wallToIso('not a time', 'Europe/Amsterdam')).toBeNull();
    expect(wallToIso('2026-12-18T16:55', 'Mars/Base')).toBeNull();
  });

  it('gives the local day and minute of an instant', () => {
    expect(wallTime(Date.parse('2026-12-24T07:30:00Z'), 'Europe/Amsterdam')).toEqual({ date: '2026-12-24', minute: 8 * 60 + 30 });
    expect(wallTime(Date.parse('2026-12-24T23:00:00Z'), 'Europe/Amsterdam')).toEqual({ date: '2026-12-25', minute: 0 });
  });

  it('finds the Monday of a week', () => {
    expect(mondayOf('2026-12-25')).toBe('2026-12-21');
    expect(mondayOf('2026-12-21')).toBe('2026-12-21');
    expect(mondayOf('2026-12-27')).toBe('2026-12-21');
    expect(weekdayIndex('2026-12-25')).toBe(4);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
