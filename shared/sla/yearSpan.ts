import type { BusinessCalendarDef, Closure } from './calendar';
import { WEEKDAYS, hasOffset, localMsOf, minutesOfDay } from './calendar';
import { publicHolidays } from './holidays';
import { DAY_MS, MINUTE_MS, localDateString, localRangeToUtc, localToUtc, utcToLocal, weekdayOfDay } from './zone';

/**
 * One local calendar year of a business calendar, compiled to sorted, disjoint UTC intervals with
 * a cumulative index: `cum[i]` is the covered time before interval i. The year runs from local
 * 1 January 00:00 to the next, so consecutive years tile the UTC timeline without gaps or overlap.
 * All zone work happens here, once per year; the arithmetic in compiled.ts is plain numbers.
 */
export interface YearSpan {
  year: number;
  start: number;
  end: number;
  starts: Float64Array;
  ends: Float64Array;
  cum: Float64Array;
  total: number;
  /** Closures that took working time away in this year, for explanations. */
  closures: ClosureHit[];
}

export interface ClosureHit {
  kind: 'holiday' | 'closure';
  /** First and last instant closed (the closure may be two ranges on a night the clocks go back). */
  start: number;
  end: number;
  /** First and last local date the closure touches, `YYYY-MM-DD`. */
  firstDate: string;
  lastDate: string;
  names: { nl: string; en: string };
  /** Working time the closure removed (overlapping closures each count their own). */
  removedMs: number;
}

/** A closure resolved to UTC ranges, before it is matched against working time. */
export type UtcClosure = Omit<ClosureHit, 'removedMs'> & { ranges: [number, number][] };

function utcClosure(
  kind: ClosureHit['kind'],
  ranges: [number, number][],
  dates: { firstDate: string; lastDate: string },
  names: ClosureHit['names'],
): UtcClosure {
  return { kind, start: ranges[0]?.[0] ?? 0, end: ranges[ranges.length - 1]?.[1] ?? 0, ranges, ...dates, names };
}

/** Custom closures to UTC; done once per compile because they do not depend on the year. */
export function resolveClosures(def: BusinessCalendarDef): UtcClosure[] {
  return def.closures.map((c) => resolveClosure(def.timeZone, c)).sort((a, b) => a.start - b.start);
}

function resolveClosure(timeZone: string, c: Closure): UtcClosure {
  const names = { nl: c.label ?? 'Sluiting', en: c.label ?? 'Closure' };
  if (c.kind === 'days') {
    const ranges = localRangeToUtc(timeZone, localMsOf(c.from), localMsOf(c.to) + DAY_MS);
    return utcClosure('closure', ranges, { firstDate: c.from, lastDate: c.to }, names);
  }
  if (hasOffset(c.start)) {
    const start = Date.parse(c.start);
    const end = Date.parse(c.end);
    const dates = { firstDate: localDateString(utcToLocal(timeZone, start)), lastDate: localDateString(utcToLocal(timeZone, end - 1)) };
    return utcClosure('closure', [[start, end]], dates, names);
  }
  const a = localMsOf(c.start);
  const b = localMsOf(c.end);
  return utcClosure('closure', localRangeToUtc(timeZone, a, b), { firstDate: localDateString(a), lastDate: localDateString(b - 1) }, names);
}

/** Compiles local year `year` of `def`; `custom` are the calendar's resolved closures. */
export function compileYear(def: BusinessCalendarDef, custom: UtcClosure[], year: number): YearSpan {
  const tz = def.timeZone;
  const firstDay = Date.UTC(year, 0, 1) / DAY_MS;
  const lastDay = Date.UTC(year + 1, 0, 1) / DAY_MS;
  const start = localToUtc(tz, firstDay * DAY_MS);
  const end = localToUtc(tz, lastDay * DAY_MS);

  const week = WEEKDAYS.map((d) =>
    (def.week[d] ?? []).map(([a, b]) => [minutesOfDay(a) * MINUTE_MS, minutesOfDay(b) * MINUTE_MS] as const),
  );
  const open: [number, number][] = [];
  for (let day = firstDay; day < lastDay; day++) {
    const midnight = day * DAY_MS;
    for (const [a, b] of week[weekdayOfDay(day)]!) {
      for (const [s, e] of localRangeToUtc(tz, midnight + a, midnight + b)) open.push([Math.max(s, start), Math.min(e, end)]);
    }
  }
  const working = union(open);

  const closures = [...custom.filter((c) => c.end > start && c.start < end), ...holidaysIn(def, year, start, end)];
  const hits: ClosureHit[] = [];
  for (const { ranges, ...c } of closures) {
    let removedMs = 0;
    for (const [a, b] of ranges) removedMs += overlapMs(working, a, b);
    if (removedMs > 0) hits.push({ ...c, removedMs });
  }
  hits.sort((a, b) => a.start - b.start);
  const covered = subtract(working, union(closures.flatMap((c) => c.ranges)));

  const n = covered.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const cum = new Float64Array(n);
  let total = 0;
  covered.forEach(([s, e], i) => {
    starts[i] = s;
    ends[i] = e;
    cum[i] = total;
    total += e - s;
  });
  return { year, start, end, starts, ends, cum, total, closures: hits };
}

function holidaysIn(def: BusinessCalendarDef, year: number, start: number, end: number): UtcClosure[] {
  const region = def.holidays;
  if (!region) return [];
  const out: UtcClosure[] = [];
  // The previous year too: a multi-day holiday may run over New Year.
  for (const y of [year - 1, year]) {
    for (const h of publicHolidays(region, y)) {
      const ranges = localRangeToUtc(def.timeZone, h.startLocal, h.endLocal);
      const c = utcClosure(
        'holiday',
        ranges,
        { firstDate: h.date, lastDate: localDateString(Math.max(h.startLocal, h.endLocal - 1)) },
        h.names,
      );
      if (ranges.length > 0 && c.end > start && c.start < end) out.push(c);
    }
  }
  return out;
}

/** Sorted union of possibly overlapping intervals; touching ones merge too. */
function union(intervals: (readonly [number, number])[]): [number, number][] {
  const sorted = intervals.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** `a` minus `b`, both sorted and disjoint. */
function subtract(a: [number, number][], b: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let j = 0;
  for (const [s0, e] of a) {
    let s = s0;
    while (j < b.length && b[j]![1] <= s) j++;
    let k = j;
    while (k < b.length && b[k]![0] < e) {
      const [bs, be] = b[k]!;
      if (bs > s) out.push([s, bs]);
      s = Math.max(s, be);
      if (s >= e) break;
      k++;
    }
    if (s < e) out.push([s, e]);
  }
  return out;
}

function overlapMs(sorted: [number, number][], s: number, e: number): number {
  let sum = 0;
  for (const [a, b] of sorted) {
    if (a >= e) break;
    if (b > s) sum += Math.min(b, e) - Math.max(a, s);
  }
  return sum;
}
