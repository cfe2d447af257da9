import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarInput } from './calendar';
import { addCoveredMs, compileCalendar, coveredMsBetween } from './compiled';
import { publicHolidays } from './holidays';
import { OFFICE, OFFICE_LUNCH, compileAlways } from './testSupport';

const M = 60_000;
const H = 3_600_000;
const FROM = Date.UTC(2024, 0, 1);
const TO = Date.UTC(2027, 11, 1);

const instant = fc.integer({ min: FROM, max: TO });
const amount = fc.integer({ min: 1, max: 300 * H });
const calendars = [compileCalendar(OFFICE), compileCalendar(OFFICE_LUNCH)];
const calendar = fc.constantFrom(...calendars);

describe('compiled calendar properties', () => {
  it('adding n covered ms and measuring back gives n, and no earlier instant would do', () => {
    fc.assert(
      fc.property(calendar, instant, amount, (cal, start, n) => {
        const due = addCoveredMs(cal, start, n);
        expect(coveredMsBetween(cal, start, due)).toBe(n);
        expect(coveredMsBetween(cal, start, due - 1)).toBeLessThan(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('due instants are monotonic in the amount and in the start', () => {
    fc.assert(
      fc.property(calendar, instant, amount, amount, (cal, start, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(addCoveredMs(cal, start, lo)).toBeLessThanOrEqual(addCoveredMs(cal, start, hi));
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(calendar, instant, instant, amount, (cal, a, b, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(addCoveredMs(cal, early, n)).toBeLessThanOrEqual(addCoveredMs(cal, late, n));
      }),
      { numRuns: 1000 },
    );
  });

  it('covered time is additive over a split point', () => {
    fc.assert(
      fc.property(calendar, fc.array(instant, { minLength: 3, maxLength: 3 }), (cal, xs) => {
        const [a, b, c] = [...xs].sort((x, y) => x - y) as [number, number, number];
        expect(coveredMsBetween(cal, a, c)).toBe(coveredMsBetween(cal, a, b) + coveredMsBetween(cal, b, c));
      }),
      { numRuns: 1000 },
    );
  });

  it('a 24/7 calendar, and a business calendar open every hour of every day in Amsterdam, equal plain UTC arithmetic', () => {
    const full: [string, string][] = [['00:00', '24:00']];
    const allDays: CalendarInput = {
      kind: 'business',
      timeZone: 'Europe/Amsterdam',
      week: { mon: full, tue: full, wed: full, thu: full, fri: full, sat: full, sun: full },
    };
    const cals = [compileAlways(), compileCalendar(allDays)];
    fc.assert(
      fc.property(fc.constantFrom(...cals), instant, amount, instant, (cal, start, n, other) => {
        expect(addCoveredMs(cal, start, n)).toBe(start + n);
        expect(coveredMsBetween(cal, start, other)).toBe(Math.max(0, other - start));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with a brute-force walk over the local wall clock (Intl), in 15-minute steps, across DST and holidays', () => {
    // The oracle reads each step's local weekday, date and time from Intl and checks it against the
    // definition, sharing no code with the compiler. Hours in OFFICE start and end on the half hour.
    const format = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const holidays = new Set([2024, 2025, 2026, 2027].flatMap((y) => publicHolidays({ country: 'NL' }, y).map((h) => h.date)));
    const open = (ms: number): boolean => {
      const p = Object.fromEntries(format.formatToParts(ms).map((x) => [x.type, x.value]));
      if (p.weekday === 'Sat' || p.weekday === 'Sun' || holidays.has(`${p.year}-${p.month}-${p.day}`)) return false;
      const minutes = Number(p.hour) * 60 + Number(p.minute);
      return minutes >= 8 * 60 + 30 && minutes < 17 * 60 + 30;
    };
    const office = calendars[0]!;
    const step = 15 * M;
    // Half the windows start within ten days before a DST change, so most of those straddle one.
    const dstChanges = ['2024-03-31', '2024-10-27', '2025-03-30', '2025-10-26', '2026-03-29', '2026-10-25', '2027-03-28'].map(
      (d) => Date.parse(d) / step,
    );
    const nearDst = fc.tuple(fc.constantFrom(...dstChanges), fc.integer({ min: -10 * 96, max: 0 })).map(([d, off]) => d + off);
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: FROM / step, max: TO / step }), nearDst), fc.integer({ min: 0, max: 21 * 96 }), (q, steps) => {
        const a = q * step;
        let expected = 0;
        for (let i = 0; i < steps; i++) if (open(a + i * step)) expected += step;
        expect(coveredMsBetween(office, a, a + steps * step)).toBe(expected);
      }),
      { numRuns: 120 },
    );
  });

  it('agrees with the wall-clock oracle for random weeks, night hours included, in zones with odd offsets and DST rules', () => {
    // Covered means: the zone's wall clock shows a weekday and time inside the week's intervals.
    // Quarter-hour boundaries and offsets keep the oracle's 15-minute steps exact.
    const zones: Record<string, string[]> = {
      'America/New_York': ['2025-03-09', '2025-11-02'],
      'Australia/Lord_Howe': ['2025-04-06', '2025-10-05'], // a half-hour DST shift
      'America/Santiago': ['2025-04-06', '2025-09-07'], // changes at midnight
      'Pacific/Chatham': ['2025-04-06', '2025-09-28'], // +12:45 / +13:45
      'Asia/Kolkata': ['2025-06-01'],
      'Europe/Amsterdam': ['2025-03-30', '2025-10-26'],
    };
    const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
    const hhmm = (q: number) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
    const dayHours = fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 }).map((qs) => {
      const sorted = [...qs].sort((a, b) => a - b);
      const out: [number, number][] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) out.push([sorted[i]!, sorted[i + 1]!]);
      return out;
    });
    const weekArb = fc.array(dayHours, { minLength: 7, maxLength: 7 }).filter((w) => w.some((d) => d.length > 0));
    const step = 15 * M;
    const scenario = fc.constantFrom(...Object.keys(zones)).chain((zone) =>
      fc.record({
        zone: fc.constant(zone),
        week: weekArb,
        start: fc.oneof(
          fc.integer({ min: FROM / step, max: TO / step }),
          fc.tuple(fc.constantFrom(...zones[zone]!), fc.integer({ min: -4 * 96, max: 0 })).map(([d, off]) => Date.parse(d) / step + off),
        ),
        steps: fc.integer({ min: 0, max: 7 * 96 }),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ zone, week, start, steps }) => {
        const def = {
          kind: 'business' as const,
          timeZone: zone,
          week: Object.fromEntries(week.map((d, i) => [days[i], d.map(([a, b]) => [hhmm(a), hhmm(b)])])),
        };
        const cal = compileCalendar(def);
        const format = new Intl.DateTimeFormat('en-US', {
          timeZone: zone,
          weekday: 'short',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        });
        const wd = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 } as Record<string, number>;
        let expected = 0;
        for (let i = 0; i < steps; i++) {
          const p = Object.fromEntries(format.formatToParts((start + i) * step).map((x) => [x.type, x.value]));
          const q = (Number(p.hour) * 60 + Number(p.minute)) / 15;
          if (week[wd[p.weekday!]!]!.some(([a, b]) => q >= a && q < b)) expected += step;
        }
        expect(coveredMsBetween(cal, start * step, (start + steps) * step)).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });
});
