import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarInput } from './calendar';
import { addCoveredMs, compileCalendar, coveredMsBetween } from './compiled';
import { publicHolidays } from './holidays';
// @ts-expect-error -- moment-business-time ships no type declarations; the shape used is declared below.
import mbtModule from 'moment-business-time';

/**
 * Differential test against moment-business-time (a devDependency; production code never loads
 * it). Both are asked the same question where they mean the same thing: weekly hours in UTC (the
 * peer has no zones), holidays as whole UTC dates, minute-aligned starts and whole minutes (the
 * peer steps in whole units).
 */
interface BusinessMoment {
  addWorkingTime(n: number, unit: 'minutes'): BusinessMoment;
  workingDiff(other: BusinessMoment, unit: 'minutes', precise?: boolean): number;
  valueOf(): number;
}
interface MomentWithBusinessTime {
  utc(ms: number): BusinessMoment;
  locale(): string;
  updateLocale(name: string, spec: { workinghours: Record<number, string[] | null>; holidays: string[] }): void;
}
const moment = mbtModule as MomentWithBusinessTime;

const M = 60_000;

/**
 * `workingDiff` is only compared on single-interval days: with a break, the peer's diff adds the
 * later interval even when the end lies before it (09:00 → 08:31 on a day with 13:00–17:30 counts
 * 268 minutes), a bug of the peer, not a difference in meaning.
 */
const weekdays = {
  0: null,
  1: ['09:00:00', '17:00:00'],
  2: ['09:00:00', '17:00:00'],
  3: ['09:00:00', '17:00:00'],
  4: ['09:00:00', '17:00:00'],
  5: ['09:00:00', '17:00:00'],
  6: null,
};
const nineToFive: CalendarInput = {
  kind: 'business',
  timeZone: 'UTC',
  week: {
    mon: [['09:00', '17:00']],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['09:00', '17:00']],
  },
};
const nlDates = [2024, 2025, 2026, 2027].flatMap((y) => publicHolidays({ country: 'NL' }, y).map((h) => h.date));

const cases: { name: string; hours: Record<number, string[] | null>; holidays: string[]; def: CalendarInput; diff: boolean }[] = [
  { name: 'Mon–Fri 09:00–17:00', diff: true, hours: weekdays, holidays: [], def: nineToFive },
  // Holidays mean the same to both when the calendar's zone is UTC: whole dates, listed alike.
  {
    name: 'Mon–Fri 09:00–17:00 with NL holidays',
    diff: true,
    hours: weekdays,
    holidays: nlDates,
    def: { ...nineToFive, holidays: { country: 'NL' } },
  },
  {
    name: 'Mon–Sat with a lunch break',
    diff: false,
    holidays: [],
    hours: Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [d, d === 0 ? null : ['08:30:00', '12:00:00', '13:00:00', '17:30:00']])),
    def: {
      kind: 'business',
      timeZone: 'UTC',
      week: Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [
          d,
          [
            ['08:30', '12:00'],
            ['13:00', '17:30'],
          ],
        ]),
      ),
    },
  },
];

describe.each(cases)('against moment-business-time: $name', ({ hours, holidays, def, diff }) => {
  const cal = compileCalendar(def);
  const start = fc.integer({ min: Date.UTC(2024, 0, 1) / M, max: Date.UTC(2027, 0, 1) / M }).map((m) => m * M);
  const minutes = fc.integer({ min: 1, max: 5000 });

  it('gives the same due instant and the same covered minutes', () => {
    moment.updateLocale(moment.locale(), { workinghours: hours, holidays });
    fc.assert(
      fc.property(start, minutes, (s, n) => {
        const ours = addCoveredMs(cal, s, n * M);
        const theirs = moment.utc(s).addWorkingTime(n, 'minutes').valueOf();
        expect(theirs).toBe(ours);
        expect(coveredMsBetween(cal, s, theirs)).toBe(n * M);
        if (diff) expect(-moment.utc(s).workingDiff(moment.utc(ours), 'minutes')).toBe(n);
      }),
      { numRuns: holidays.length > 0 ? 200 : 500 },
    );
  });
});
