import { z } from 'zod';
import type { IssueCode, MessageParams } from '../messages/catalog';
import { parseOrThrow } from '../validation';
import { holidayRegionProblem } from './holidays';
import { isTimeZone } from './zone';

/**
 * A calendar says when an SLA clock runs. Two kinds:
 * - `24/7`: always; the clock is plain elapsed time (the zone only formats explanations).
 * - `business`: weekly wall-clock hours in an IANA zone, minus public holidays of a country and
 *   custom closures (whole local days, or date-time spans, e.g. from an iCal import).
 * Definitions are plain JSON so contracts can store them; `compileCalendar` turns one into
 * interval arithmetic.
 */

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Local wall clock, or an absolute instant when it carries `Z` or an offset. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?$/;

export const TimeOfDay = z.string().regex(TIME, { message: 'format.time' });
export const HoursInterval = z.tuple([TimeOfDay, TimeOfDay]);
export type HoursInterval = z.infer<typeof HoursInterval>;

// These refinements abort: the calendar's own checks (closureProblem, holidays, compiling the
// zone) read the values as dates and zones, so they must not run on ones that aren't.
export const TimeZoneName = z
  .string()
  .superRefine((zone, ctx) => {
    if (!isTimeZone(zone)) ctx.addIssue({ code: 'custom', message: 'format.timeZone', params: { zone }, continue: false });
  })
  .meta({ description: 'An IANA time zone', examples: ['Europe/Amsterdam', 'UTC', 'America/New_York'] });

export const LocalDate = z.string().refine(isLocalDate, { abort: true, message: 'format.date' }).meta({ format: 'date' });
export const DateTimeText = z
  .string()
  .refine((s) => DATE_TIME.test(s) && isLocalDate(s.slice(0, 10)), {
    abort: true,
    message: 'format.localDateTime',
  })
  .meta({ pattern: DATE_TIME.source });

const dayHours = z.array(HoursInterval).max(24).optional();
export const WeekHours = z.strictObject({
  mon: dayHours,
  tue: dayHours,
  wed: dayHours,
  thu: dayHours,
  fri: dayHours,
  sat: dayHours,
  sun: dayHours,
});
export type WeekHours = z.infer<typeof WeekHours>;

export const HolidayRegionSchema = z.strictObject({
  country: z.string().regex(/^[A-Z]{2}$/, { message: 'format.country' }),
  state: z.string().min(1).optional(),
  region: z.string().min(1).optional(),
});

const label = z.string().trim().min(1).max(200).optional();

/** Whole local days, `from` and `to` inclusive. Kept whole-day because that is how agencies close. */
export const DaysClosure = z.strictObject({ kind: z.literal('days'), from: LocalDate, to: LocalDate, label });
/** A date-time span, end exclusive: a local reading is in the calendar's zone, `Z`/offset is absolute. */
export const SpanClosure = z.strictObject({ kind: z.literal('span'), start: DateTimeText, end: DateTimeText, label });
export const Closure = z.discriminatedUnion('kind', [DaysClosure, SpanClosure]);
export type Closure = z.infer<typeof Closure>;

export const AlwaysOpenCalendar = z.strictObject({
  kind: z.literal('24/7'),
  name: label,
  timeZone: TimeZoneName,
});

export const BusinessCalendar = z
  .strictObject({
    kind: z.literal('business'),
    name: label,
    timeZone: TimeZoneName,
    week: WeekHours,
    holidays: HolidayRegionSchema.nullable().default(null),
    closures: z.array(Closure).max(10_000).default([]),
  })
  .superRefine((cal, ctx) => {
    let any = false;
    for (const day of WEEKDAYS) {
      const problem = dayProblem(cal.week[day] ?? []);
      if (problem) ctx.addIssue({ code: 'custom', path: ['week', day], message: problem.code, params: problem.params });
      any ||= (cal.week[day] ?? []).length > 0;
    }
    if (!any)
      ctx.addIssue({
        code: 'custom',
        path: ['week'],
        message: 'calendar.noHours',
      });
    if (cal.holidays) {
      const problem = holidayRegionProblem(cal.holidays);
      if (problem) ctx.addIssue({ code: 'custom', path: ['holidays'], message: problem.code, params: problem.params });
    }
    cal.closures.forEach((c, i) => {
      const problem = closureProblem(c);
      if (problem) ctx.addIssue({ code: 'custom', path: ['closures', i], message: problem });
    });
  });

export const CalendarDef = z.discriminatedUnion('kind', [AlwaysOpenCalendar, BusinessCalendar]);
export type CalendarDef = z.infer<typeof CalendarDef>;
export type CalendarInput = z.input<typeof CalendarDef>;
export type BusinessCalendarDef = Extract<CalendarDef, { kind: 'business' }>;
export type BusinessCalendarInput = z.input<typeof BusinessCalendar>;

/** Validates a calendar definition; throws `invalid_args` naming every problem. */
export function parseCalendar(input: unknown): CalendarDef {
  return parseOrThrow(CalendarDef, input, 'calendar');
}

/** Minutes since local midnight of `HH:mm` (24:00 → 1440). */
export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function dayProblem(intervals: HoursInterval[]): { code: IssueCode; params: MessageParams } | null {
  for (const [start, end] of intervals) {
    if (minutesOfDay(start) >= minutesOfDay(end)) return { code: 'calendar.inverted', params: { interval: `${start}–${end}` } };
  }
  const sorted = [...intervals].sort((a, b) => minutesOfDay(a[0]) - minutesOfDay(b[0]));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (minutesOfDay(cur[0]) < minutesOfDay(prev[1])) return { code: 'calendar.overlaps', params: { a: `${prev[0]}–${prev[1]}`, b: `${cur[0]}–${cur[1]}` } };
  }
  return null;
}

function closureProblem(c: Closure): IssueCode | null {
  if (c.kind === 'days') return c.from <= c.to ? null : 'calendar.closureOrder';
  const absStart = hasOffset(c.start);
  if (absStart !== hasOffset(c.end)) return 'calendar.closureMixed';
  if (absStart) return Date.parse(c.start) < Date.parse(c.end) ? null : 'calendar.closureOrder';
  return localMsOf(c.start) < localMsOf(c.end) ? null : 'calendar.closureOrder';
}

function isLocalDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1970 && y < 2200 && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** True when a date-time text is absolute (`Z` or `±HH:mm`). */
export function hasOffset(dateTime: string): boolean {
  return /(?:Z|[+-]\d\d:\d\d)$/.test(dateTime);
}

/** Local ms of `YYYY-MM-DD` or a local `YYYY-MM-DDTHH:mm[:ss]` (see zone.ts for "local ms"). */
export function localMsOf(text: string): number {
  const m = DATE_TIME.exec(text);
  if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  const d = DATE.exec(text);
  if (!d) throw new TypeError(`not a date: ${text}`);
  return Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]));
}

/** The always-running calendar; `timeZone` only affects how explanations print times. */
export function alwaysOpenCalendar(timeZone = 'Europe/Amsterdam'): CalendarDef {
  return { kind: '24/7', timeZone };
}

/** A Dutch office: Monday to Friday 08:30–17:30 in Amsterdam, closed on NL public holidays. */
export function dutchOfficeCalendar(closures: Closure[] = []): CalendarDef {
  const day: HoursInterval[] = [['08:30', '17:30']];
  return parseCalendar({
    kind: 'business',
    name: 'Kantooruren',
    timeZone: 'Europe/Amsterdam',
    week: { mon: day, tue: day, wed: day, thu: day, fri: day },
    holidays: { country: 'NL' },
    closures,
  });
}
