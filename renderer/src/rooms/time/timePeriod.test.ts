import { describe, expect, it } from 'vitest';
import { byDay, periodOf, shiftPeriod } from './timePeriod';

describe('time room periods', () => {
  it('a day view is that day; a week view is Monday to Sunday, across a month and a year end', () => {
    expect(periodOf('day', '2026-12-03')).toEqual({ from: '2026-12-03', to: '2026-12-03' });
    expect(periodOf('week', '2026-12-03')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(periodOf('week', '2026-12-06')).toEqual({ from: '2026-11-30', to: '2026-12-06' }); // a Sunday
    expect(periodOf('week', '2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });

  it('steps a day or a week', () => {
    expect(shiftPeriod('day', '2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftPeriod('week', '2026-12-31', 1)).toBe('2027-01-07');
  });

  it('groups entries by the local day they start on, not the UTC day', () => {
    const entries = [
      { id: 'b', startedAt: '2026-12-03T09:00:00.000Z' },
      { id: 'late', startedAt: '2026-12-02T23:30:00.000Z' }, // 00:30 on the 3rd in Amsterdam
      { id: 'a', startedAt: '2026-12-02T10:00:00.000Z' },
    ];
    expect(byDay(entries, 'Europe/Amsterdam').map((d) => [d.day, d.entries.map((e) => e.id)])).toEqual([
      ['2026-12-02', ['a']],
      ['2026-12-03', ['late', 'b']],
    ]);
    expect(byDay([], 'Europe/Amsterdam')).toEqual([]);
  });
});
