import { VangnetError } from '../errors';
import type { CalendarDef, CalendarInput } from './calendar';
import { parseCalendar } from './calendar';
import type { ClosureHit, UtcClosure, YearSpan } from './yearSpan';
import { compileYear, resolveClosures } from './yearSpan';
import { MINUTE_MS } from './zone';

/**
 * A compiled calendar answers "add N covered ms" and "covered ms between a and b" by binary search
 * over precomputed UTC intervals, one local year at a time, compiled on first use and cached. No
 * step ever walks minutes or days, and nothing here touches a time zone: that happened in
 * yearSpan.ts. A `24/7` calendar skips all of it and is plain subtraction and addition.
 *
 * Times are epoch milliseconds. "Covered" means inside the calendar's working time.
 */
export interface CompiledCalendar {
  readonly def: CalendarDef;
  readonly alwaysOpen: boolean;
  readonly timeZone: string;
  /** Compiled years by `year - FIRST_YEAR`; filled lazily. Internal to this module. */
  readonly years: (YearSpan | undefined)[];
  /** Custom closures resolved to UTC once. Internal. */
  readonly custom: UtcClosure[];
  /** The year the last lookup landed in: consecutive calls usually stay in one year. Internal. */
  last: YearSpan | null;
}

/** The engine's supported range: wide enough for any incident, narrow enough to bound loops. */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 2199;
const MIN_TIME = Date.UTC(FIRST_YEAR, 0, 2);
const MAX_TIME = Date.UTC(LAST_YEAR, 11, 31);
/** A calendar whose closures remove every working hour for this many years is a mistake. */
const MAX_EMPTY_YEARS = 5;
const MEAN_YEAR_MS = 365.2425 * 86_400_000;

/**
 * Compiled calendars by their definition's JSON: contract versions (and clients) that share a
 * calendar share its compiled years, so a list page compiles each year once, not once per contract.
 * A compiled calendar is a pure function of its definition; its lazily filled years and `last` are
 * caches. Bounded, because contract previews compile whatever calendar they are sent.
 */
const shared = new Map<string, CompiledCalendar>();
const SHARED_MAX = 64;

/** Validates (if needed) and compiles a calendar. Cheap: years are compiled on first use. */
export function compileCalendar(def: CalendarInput): CompiledCalendar {
  const key = JSON.stringify(def);
  const known = shared.get(key);
  if (known) return known;
  const compiled = compileFresh(def);
  if (shared.size >= SHARED_MAX) shared.delete(shared.keys().next().value!);
  shared.set(key, compiled);
  return compiled;
}

function compileFresh(def: CalendarInput): CompiledCalendar {
  const parsed = parseCalendar(def);
  return {
    def: parsed,
    alwaysOpen: parsed.kind === '24/7',
    timeZone: parsed.timeZone,
    years: [],
    custom: parsed.kind === 'business' ? resolveClosures(parsed) : [],
    last: null,
  };
}

function checkTime(t: number, what: string): void {
  if (!(t >= MIN_TIME && t <= MAX_TIME))
    throw new VangnetError('invalid_args', 'sla.instantRange', { what, first: FIRST_YEAR, last: LAST_YEAR, value: String(t) });
}

function yearSpan(cal: CompiledCalendar, year: number): YearSpan {
  if (year < FIRST_YEAR || year > LAST_YEAR + 1)
    throw new VangnetError('invalid_args', 'sla.yearRange', { first: FIRST_YEAR, last: LAST_YEAR });
  let span = cal.years[year - FIRST_YEAR];
  if (!span) {
    if (cal.def.kind !== 'business') throw new Error('24/7 calendars have no spans');
    span = compileYear(cal.def, cal.custom, year);
    cal.years[year - FIRST_YEAR] = span;
  }
  return span;
}

/** The compiled local year containing instant `t`. */
function spanAt(cal: CompiledCalendar, t: number): YearSpan {
  const last = cal.last;
  if (last !== null && t >= last.start && t < last.end) return last;
  // An estimate off by at most one near New Year (mean Gregorian year); the bounds settle it.
  let span = yearSpan(cal, FIRST_YEAR + Math.floor(t / MEAN_YEAR_MS));
  while (t < span.start) span = yearSpan(cal, span.year - 1);
  while (t >= span.end) span = yearSpan(cal, span.year + 1);
  cal.last = span;
  return span;
}

/** Covered ms of `span` before instant `t` (t inside the span). */
function positionIn(span: YearSpan, t: number): number {
  const { starts, ends, cum } = span;
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  if (lo === ends.length) return span.total;
  const s = starts[lo]!;
  return t <= s ? cum[lo]! : cum[lo]! + (t - s);
}

/**
 * The earliest instant by which `ms` of covered time has run from `start`: the due instant of a
 * target of `ms`. When the last millisecond falls at the end of a working interval, that end is
 * the answer (17:30 Friday, not 08:30 Monday). Zero returns `start` itself.
 */
export function addCoveredMs(cal: CompiledCalendar, start: number, ms: number): number {
  if (!(ms >= 0) || !Number.isFinite(ms))
    throw new VangnetError('invalid_args', 'sla.coveredTime', { ms: String(ms) });
  checkTime(start, 'start');
  if (cal.alwaysOpen || ms === 0) return start + ms;
  let span = spanAt(cal, start);
  let target = positionIn(span, start) + ms;
  let empty = 0;
  while (target > span.total) {
    target -= span.total;
    span = yearSpan(cal, span.year + 1);
    empty = span.total === 0 ? empty + 1 : 0;
    if (empty > MAX_EMPTY_YEARS)
      throw new VangnetError('invalid_args', 'sla.noWorkingYears', { years: MAX_EMPTY_YEARS, year: span.year - MAX_EMPTY_YEARS });
  }
  // Last interval that starts before the target position; target > 0 so interval 0 qualifies.
  const { starts, cum } = span;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (cum[mid]! < target) lo = mid;
    else hi = mid - 1;
  }
  return starts[lo]! + (target - cum[lo]!);
}

/** Covered ms in `[a, b)`; zero when `b <= a`. */
export function coveredMsBetween(cal: CompiledCalendar, a: number, b: number): number {
  if (!(b > a)) return 0;
  if (cal.alwaysOpen) return b - a;
  checkTime(a, 'from');
  checkTime(b, 'to');
  const first = spanAt(cal, a);
  const from = positionIn(first, a);
  if (b < first.end) return positionIn(first, b) - from;
  let sum = first.total - from;
  let span = yearSpan(cal, first.year + 1);
  while (b >= span.end) {
    sum += span.total;
    span = yearSpan(cal, span.year + 1);
  }
  return sum + positionIn(span, b);
}

/** The first covered instant at or after `t` (where a clock that starts at `t` starts counting). */
export function nextCoveredInstant(cal: CompiledCalendar, t: number): number {
  checkTime(t, 'instant');
  if (cal.alwaysOpen) return t;
  let span = spanAt(cal, t);
  for (let guard = 0; guard <= MAX_EMPTY_YEARS; guard++) {
    const i = firstEndingAfter(span.ends, t);
    if (i < span.ends.length) return Math.max(t, span.starts[i]!);
    span = yearSpan(cal, span.year + 1);
  }
  throw new VangnetError('invalid_args', 'sla.noWorkingTime', { years: MAX_EMPTY_YEARS, at: new Date(t).toISOString() });
}

function firstEndingAfter(ends: Float64Array, t: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Covered intervals within `[a, b)`, clipped; for explanations and tests, not the hot path. */
export function coveredIntervals(cal: CompiledCalendar, a: number, b: number): [number, number][] {
  if (!(b > a)) return [];
  if (cal.alwaysOpen) return [[a, b]];
  checkTime(a, 'from');
  checkTime(b, 'to');
  const out: [number, number][] = [];
  for (let span = spanAt(cal, a); span.start < b; span = yearSpan(cal, span.year + 1)) {
    for (let i = firstEndingAfter(span.ends, a); i < span.ends.length && span.starts[i]! < b; i++) {
      out.push([Math.max(a, span.starts[i]!), Math.min(b, span.ends[i]!)]);
    }
  }
  return out;
}

/** Holidays and closures that removed working time within `[a, b)`, oldest first, each once. */
export function closuresBetween(cal: CompiledCalendar, a: number, b: number): ClosureHit[] {
  if (cal.alwaysOpen || !(b > a)) return [];
  checkTime(a, 'from');
  checkTime(b, 'to');
  const seen = new Set<string>();
  const out: ClosureHit[] = [];
  for (let span = spanAt(cal, a); span.start < b; span = yearSpan(cal, span.year + 1)) {
    for (const c of span.closures) {
      const key = `${c.start}|${c.end}|${c.names.en}`;
      if (c.end > a && c.start < b && !seen.has(key)) {
        seen.add(key);
        out.push(c);
      }
    }
  }
  return out;
}

/** Minute-based conveniences for API edges (targets are agreed in minutes). */
export function addCoveredMinutes(cal: CompiledCalendar, start: number, minutes: number): number {
  return addCoveredMs(cal, start, minutes * MINUTE_MS);
}

export function coveredMinutesBetween(cal: CompiledCalendar, a: number, b: number): number {
  return coveredMsBetween(cal, a, b) / MINUTE_MS;
}
