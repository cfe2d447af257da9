import { describe, expect, it } from 'vitest';
import { contractTemplate } from '../../../../shared/domain/contract';
import { normaliseTime, summariseWeek } from './contractText';
import { layoutWeek } from './weekLayout';

describe('layoutWeek', () => {
  it('lays covered intervals out per local day and marks the public holiday', () => {
    const terms = contractTemplate('subscription');
    const covered = ['21', '22', '23', '24'].map((d) => ({ from: `2026-12-${d}T07:30:00.000Z`, to: `2026-12-${d}T16:30:00.000Z` }));
    const week = layoutWeek('2026-12-21', covered, terms);
    expect(week.days.map((d) => d.date)).toEqual([
      '2026-12-21',
      '2026-12-22',
      '2026-12-23',
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-12-27',
    ]);
    expect(week.days[3]?.blocks).toEqual([{ start: 8 * 60 + 30, end: 17 * 60 + 30 }]);
    expect(week.days[4]?.closedReason).toBe('holiday');
    expect(week.days[5]?.closedReason).toBeNull(); // a Saturday is not a working day to begin with
    expect([week.firstHour, week.lastHour]).toEqual([7, 19]);
  });

  it('names a closure by its label', () => {
    const terms = {
      ...contractTemplate('prepaid'),
      closures: [{ kind: 'days' as const, from: '2026-12-24', to: '2026-12-24', label: 'Team day' }],
    };
    const week = layoutWeek('2026-12-21', [], terms);
    expect(week.days[3]).toMatchObject({ closedReason: 'closure', closureLabel: 'Team day' });
  });
});

describe('contract text', () => {
  it('normalises typed times and leaves nonsense for the engine to name', () => {
    expect(normaliseTime('8:30')).toBe('08:30');
    expect(normaliseTime('830')).toBe('08:30');
    expect(normaliseTime('17')).toBe('17:00');
    expect(normaliseTime('24:00')).toBe('24:00');
    expect(normaliseTime('25:00')).toBe('25:00');
    expect(normaliseTime('lunch')).toBe('lunch');
  });

  it('groups weekdays with the same hours', () => {
    const t = ((key: string) => key.split('.').at(-1)) as never;
    const lunch: [string, string][] = [
      ['08:30', '12:30'],
      ['13:00', '17:30'],
    ];
    expect(summariseWeek(t, { mon: lunch, tue: lunch, wed: lunch, thu: lunch, fri: [['08:30', '12:00']] })).toBe(
      'mon–thu 08:30–12:30, 13:00–17:30 · fri 08:30–12:00',
    );
  });
});
