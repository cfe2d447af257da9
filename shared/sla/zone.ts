import { VangnetError } from '../errors';

/**
 * Time-zone arithmetic for the calendar compiler, built on `Intl.DateTimeFormat` (the only zone
 * database a pure module can reach; the same ICU data the renderer and core format with).
 *
 * "Local ms" below means a wall-clock reading encoded as if it were UTC: 2025-03-30 02:30 in
 * Amsterdam is `Date.UTC(2025, 2, 30, 2, 30)`. Local ms have no DST, so days and weekdays are plain
 * division there; only `localRangeToUtc`, `localToUtc` and `utcToLocal` cross between the spaces.
 *
 * `formatToParts` costs microseconds, so offsets are probed once per day and the day's transitions
 * found by bisection, then cached per zone and UTC year. Lookups afterwards are a binary search.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Zones known valid without asking Intl: checked here, or in an earlier run (seedZoneTables). */
const knownZones = new Set<string>();

/** True when the runtime knows `timeZone` as an IANA zone (or an alias such as `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  if (knownZones.has(timeZone)) return true;
  try {
    formatterFor(timeZone);
    knownZones.add(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Throws `invalid_args` for a zone the runtime's Intl data does not know. */
export function assertTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone))
    throw new VangnetError('invalid_args', 'sla.timeZone', { zone: timeZone });
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-US with h23 and numeric parts is the one locale whose parts are stable across ICU versions.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset (local − UTC, in ms) straight from Intl; seconds resolution, which is all zones need. */
function probeOffset(timeZone: string, utc: number): number {
  const whole = Math.floor(utc / 1000) * 1000;
  let year = 0,
    month = 0,
    day = 0,
    hour = 0,
    minute = 0,
    second = 0,
    bc = false;
  for (const p of formatterFor(timeZone).formatToParts(whole)) {
    if (p.type === 'year') year = Number(p.value);
    else if (p.type === 'month') month = Number(p.value);
    else if (p.type === 'day') day = Number(p.value);
    else if (p.type === 'hour') hour = Number(p.value);
    else if (p.type === 'minute') minute = Number(p.value);
    else if (p.type === 'second') second = Number(p.value);
    else if (p.type === 'era') bc = p.value.startsWith('B');
  }
  const local = Date.UTC(bc ? 1 - year : year, month - 1, day, hour, minute, second);
  return local - whole;
}

/** Offsets of one UTC year (with a day of margin each side): `at[i]` is where `offsets[i]` starts. */
export interface ZoneYear {
  from: number;
  to: number;
  at: number[];
  offsets: number[];
}

const zoneYears = new Map<string, ZoneYear>();
const lastTable = new Map<string, ZoneYear>();

function zoneYear(timeZone: string, year: number): ZoneYear {
  const key = `${timeZone}|${year}`;
  let zy = zoneYears.get(key);
  if (zy) return zy;
  const from = Date.UTC(year, 0, 1) - 2 * DAY_MS;
  const to = Date.UTC(year + 1, 0, 1) + 2 * DAY_MS;
  const at = [from];
  const offsets = [probeOffset(timeZone, from)];
  // Daily probes: no real zone changes its offset twice within one day, so a transition can't hide.
  for (let t = from + DAY_MS; t <= to; t += DAY_MS) {
    const o = probeOffset(timeZone, t);
    if (o === offsets[offsets.length - 1]) continue;
    let lo = t - DAY_MS; // offset at lo is the previous one, at hi the new one
    let hi = t;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (probeOffset(timeZone, mid) === o) hi = mid;
      else lo = mid;
    }
    at.push(hi);
    offsets.push(o);
  }
  zy = { from, to, at, offsets };
  zoneYears.set(key, zy);
  return zy;
}

/**
 * The zone work done so far, as plain data, and the way to hand it to a later run: the SLA
 * reference cache (core/sla/referenceCache.ts) keeps it in the data folder, stamped with the ICU
 * and tz data versions it came from, so a start does not probe Intl thousands of times again.
 */
export interface ZoneTables {
  /** Zones Intl accepted. */
  zones: string[];
  /** By `zone|UTC year`. */
  years: Record<string, ZoneYear>;
}

export function zoneTables(): ZoneTables {
  return { zones: [...knownZones], years: Object.fromEntries(zoneYears) };
}

/** Adds tables computed by an earlier run on the same zone data; ones computed here are kept. */
export function seedZoneTables(tables: ZoneTables): void {
  for (const zone of tables.zones) knownZones.add(zone);
  for (const [key, zy] of Object.entries(tables.years)) if (!zoneYears.has(key)) zoneYears.set(key, zy);
}

function utcYearOf(utc: number): number {
  return new Date(utc).getUTCFullYear();
}

/** A table that covers `utc`: the zone's last one answers most calls (a list page's incidents opened in the same year). */
function tableAt(timeZone: string, utc: number): ZoneYear {
  let zy = lastTable.get(timeZone);
  if (!zy || utc < zy.from || utc > zy.to) {
    zy = zoneYear(timeZone, utcYearOf(utc));
    lastTable.set(timeZone, zy);
  }
  return zy;
}

/** Offset (local − UTC) in ms in force at the UTC instant `utc`. */
export function offsetAt(timeZone: string, utc: number): number {
  if (timeZone === 'UTC') return 0;
  const { at, offsets } = tableAt(timeZone, utc);
  let lo = 0;
  let hi = at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (at[mid]! <= utc) lo = mid;
    else hi = mid - 1;
  }
  return offsets[lo]!;
}

/** Wall-clock reading (as local ms) of the UTC instant `utc` in `timeZone`. */
export function utcToLocal(timeZone: string, utc: number): number {
  return utc + offsetAt(timeZone, utc);
}

/**
 * The UTC instant of one wall-clock reading, resolved the way RFC 5545 and Temporal's "compatible"
 * mode do: a reading that happens twice (autumn, 02:30 in Amsterdam) is the earlier one; a reading
 * that never happens (spring, 02:30) is moved forward by the gap (to 03:30 CEST). Used for iCal
 * times and year boundaries; ranges of wall clock (business hours) use `localRangeToUtc`.
 */
export function localToUtc(timeZone: string, local: number): number {
  if (timeZone === 'UTC') return local;
  const before = offsetAt(timeZone, local - DAY_MS);
  const after = offsetAt(timeZone, local + DAY_MS);
  if (before === after) {
    const guess = local - before;
    // Two transitions within two days would be a first; the check keeps a wrong answer from passing.
    if (offsetAt(timeZone, guess) === before) return guess;
  }
  const c1 = local - before;
  const c2 = local - after;
  const ok1 = offsetAt(timeZone, c1) === before;
  const ok2 = offsetAt(timeZone, c2) === after;
  if (ok1 && ok2) return Math.min(c1, c2);
  if (ok1) return c1;
  if (ok2) return c2;
  return local - before; // in the gap: same distance past the transition as the reading is
}

/** The next offset change after `t`, or the end of the probed stretch when none comes sooner. */
function nextChange(timeZone: string, t: number): number {
  let zy = tableAt(timeZone, t);
  // At the table's very end, the stretch after it is the next year's table.
  if (t >= zy.to) zy = zoneYear(timeZone, utcYearOf(t));
  for (let i = 1; i < zy.at.length; i++) if (zy.at[i]! > t) return zy.at[i]!;
  return zy.to;
}

/**
 * The instants whose wall-clock reading lies in `[a, b)` (local ms), as sorted UTC intervals.
 * This is what "business hours are wall-clock times" means, also on the nights the clocks change:
 * 01:00–02:30 covers one real hour in spring (02:00 jumps to 03:00) and two in autumn (02:00–02:30
 * happens twice). Usually one interval; two when the range takes in a repeated hour's edge.
 */
export function localRangeToUtc(timeZone: string, a: number, b: number): [number, number][] {
  if (!(b > a)) return [];
  if (timeZone === 'UTC') return [[a, b]];
  const out: [number, number][] = [];
  // No zone is more than a day off UTC, so every such instant lies within a day of the range.
  const end = b + DAY_MS;
  for (let t = a - DAY_MS; t < end;) {
    const offset = offsetAt(timeZone, t);
    const next = Math.min(nextChange(timeZone, t), end);
    const s = Math.max(t, a - offset);
    const e = Math.min(next, b - offset);
    if (e > s) {
      const last = out[out.length - 1];
      if (last && last[1] === s) last[1] = e;
      else out.push([s, e]);
    }
    t = next;
  }
  return out;
}

/** Days since 1970-01-01 of a local-ms reading, and its weekday (0 = Sunday … 6 = Saturday). */
export function localDayIndex(local: number): number {
  return Math.floor(local / DAY_MS);
}

export function weekdayOfDay(dayIndex: number): number {
  return (((dayIndex + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** `YYYY-MM-DD` of a local-ms reading. */
export function localDateString(local: number): string {
  return isoInstant(Math.floor(local / DAY_MS) * DAY_MS).slice(0, 10);
}

const [dash, colon] = [45, 58];

/** The ASCII code of digit `k` (0 = units) of `n`. */
const digit = (n: number, k: number) => 48 + (Math.floor(n / 10 ** k) % 10);

/**
 * `new Date(ms).toISOString()` for whole milliseconds in years 0–9999, in a third of the time and
 * without the Date object (a list page formats 800 instants). The civil date from days follows
 * Howard Hinnant's `civil_from_days`; the text is built as one string from character codes.
 */
export function isoInstant(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  const shifted = days + 719_468;
  if (!Number.isInteger(ms) || shifted < 0 || days > 2_932_896) return new Date(ms).toISOString();
  const era = Math.floor(shifted / 146_097);
  const doe = shifted - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mo = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (mo <= 2 ? 1 : 0);
  const t = ms - days * DAY_MS;
  const h = Math.floor(t / HOUR_MS);
  const mi = Math.floor(t / MINUTE_MS) % 60;
  const s = Math.floor(t / 1000) % 60;
  const f = t % 1000;
  // prettier-ignore
  return String.fromCharCode(
    digit(y, 3), digit(y, 2), digit(y, 1), digit(y, 0), dash, digit(mo, 1), digit(mo, 0), dash, digit(d, 1), digit(d, 0),
    84, digit(h, 1), digit(h, 0), colon, digit(mi, 1), digit(mi, 0), colon, digit(s, 1), digit(s, 0),
    46, digit(f, 2), digit(f, 1), digit(f, 0), 90,
  );
}
