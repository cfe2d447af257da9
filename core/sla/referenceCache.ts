import fs from 'node:fs';
import path from 'node:path';
import dateHolidaysPackage from 'date-holidays/package.json' with { type: 'json' };
import { type HolidayTables, holidayTables, seedHolidayTables } from '../../shared/sla/holidays';
import { type ZoneTables, type ZoneYear, seedZoneTables, zoneTables } from '../../shared/sla/zone';
import { logger } from '../log';

const log = logger('sla-reference-cache');

/**
 * The SLA engine's reference data — zone offset tables probed from Intl, public holidays and region
 * checks from `date-holidays` — cached in the data folder between runs (`sla-reference-cache.json`).
 * Computing them is most of what a short CLI command would spend: loading date-holidays alone
 * reads 2 MB of JavaScript. The cache is only a shortcut, never a source of truth:
 * - its stamp names the data it came from (ICU, tz, date-holidays versions and this file's format);
 *   a different stamp means it is ignored, and rewritten from what this run computes;
 * - a file that does not parse or does not match the schema is ignored (and rewritten) too;
 * - it is written to a temporary file and renamed, so a reader never sees half of it;
 * - a data folder that cannot be written (read-only, full) costs only the shortcut.
 */
export const REFERENCE_CACHE_FILE = 'sla-reference-cache.json';
/** Bump when the shape of the tables, or how they are computed, changes. */
const FORMAT = 1;

export function referenceStamp(): Record<string, string | number> {
  return {
    format: FORMAT,
    icu: process.versions.icu ?? '',
    tz: process.versions.tz ?? '',
    dateHolidays: dateHolidaysPackage.version,
  };
}

interface CacheFile {
  stamp: Record<string, string | number>;
  zones: ZoneTables;
  holidays: HolidayTables;
}

// The file's shape, checked by hand: a zod schema would cost more to set up and run than the
// rest of reading the cache (this runs at every start). Anything off means "corrupt".
type Check = (value: unknown) => boolean;
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isString: Check = (v) => typeof v === 'string';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const listOf = (check: Check, min = 0): Check => (v) => Array.isArray(v) && v.length >= min && v.every(check);
const recordOf = (check: Check): Check => (v) => isRecord(v) && Object.values(v).every(check);
const shape =
  (fields: Record<string, Check>, optional: readonly string[] = []): Check =>
  (v) =>
    isRecord(v) &&
    Object.keys(v).every((k) => Object.hasOwn(fields, k)) &&
    Object.entries(fields).every(([k, check]) => (optional.includes(k) && v[k] === undefined) || check(v[k]));

const DAY_MS = 86_400_000;
const MAX_OFFSET_MS = 18 * 3_600_000;
const recordWith = (check: (value: unknown, key: string) => boolean): Check => (v) =>
  isRecord(v) && Object.entries(v).every(([key, value]) => check(value, key));

/**
 * One zone table, and that it is what zone.ts would have made for its `zone|year` key: a file
 * whose digits were damaged but whose shape survived must not move a clock.
 */
const isZoneYear = (v: unknown, key: string): boolean => {
  if (!shape({ from: isNumber, to: isNumber, at: listOf(isNumber, 1), offsets: listOf(isNumber, 1) })(v)) return false;
  const { from, to, at, offsets } = v as ZoneYear;
  const year = Number(key.slice(key.lastIndexOf('|') + 1));
  return (
    from === Date.UTC(year, 0, 1) - 2 * DAY_MS &&
    to === Date.UTC(year + 1, 0, 1) + 2 * DAY_MS &&
    at.length === offsets.length &&
    at[0] === from &&
    at.every((t, i) => i === 0 || (t > at[i - 1]! && t <= to)) &&
    offsets.every((o) => Math.abs(o) <= MAX_OFFSET_MS && o % 1000 === 0)
  );
};
const isHolidayDay: Check = (v) =>
  shape({ date: isString, startLocal: isNumber, endLocal: isNumber, names: shape({ nl: isString, en: isString }) })(v) &&
  (v as { startLocal: number; endLocal: number }).endLocal > (v as { startLocal: number }).startLocal;
const isRegionProblem: Check = (v) =>
  v === null || shape({ code: isString, params: recordOf((p) => isString(p) || isNumber(p)) }, ['params'])(v);
const isCacheFile = shape({
  stamp: recordOf((p) => isString(p) || isNumber(p)),
  zones: shape({ zones: listOf(isString), years: recordWith(isZoneYear) }),
  holidays: shape({ regions: recordOf(isRegionProblem), years: recordOf(listOf(isHolidayDay)) }),
});

export interface ReferenceCache {
  /** Why the file was not used, or null when it was. */
  readonly ignored: string | null;
  /** Writes the file when this run computed something it lacked; true when written. */
  save(): boolean;
}

function sizeOf(zones: ZoneTables, holidays: HolidayTables): number {
  return zones.zones.length + Object.keys(zones.years).length + Object.keys(holidays.regions).length + Object.keys(holidays.years).length;
}

/** Reads the cache in `dataDir` (if any, and if current) into the SLA engine's tables. */
export function loadReferenceCache(dataDir: string): ReferenceCache {
  const file = path.join(dataDir, REFERENCE_CACHE_FILE);
  const stamp = referenceStamp();
  let ignored: string | null = null;
  let loaded = 0;
  const cached = readCache(file);
  if (typeof cached === 'string') ignored = cached;
  else if (JSON.stringify(cached.stamp) !== JSON.stringify(stamp)) ignored = 'stale';
  else {
    seedZoneTables(cached.zones);
    seedHolidayTables(cached.holidays);
    loaded = sizeOf(cached.zones, cached.holidays);
  }
  return {
    ignored,
    save() {
      const zones = zoneTables();
      const holidays = holidayTables();
      // Tables only grow within a run: more entries than were read means something new to keep.
      if (sizeOf(zones, holidays) <= loaded) return false;
      const contents: CacheFile = { stamp, zones, holidays };
      if (!writeAtomically(file, JSON.stringify(contents))) return false;
      loaded = sizeOf(zones, holidays);
      return true;
    },
  };
}

/** The parsed file, or why it cannot be used. */
function readCache(file: string): CacheFile | string {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return 'missing';
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return 'corrupt';
  }
  return isCacheFile(json) ? (json as CacheFile) : 'corrupt';
}

function writeAtomically(file: string, contents: string): boolean {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, contents);
    fs.renameSync(temp, file);
    return true;
  } catch (err) {
    fs.rmSync(temp, { force: true });
    log.debug({ file, err: (err as Error).message }, 'SLA reference cache not written');
    return false;
  }
}
