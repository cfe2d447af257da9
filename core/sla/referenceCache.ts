import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import dateHolidaysPackage from 'date-holidays/package.json';
import type { IssueCode } from '../../shared/messages/catalog';
import { type HolidayTables, holidayTables, seedHolidayTables } from '../../shared/sla/holidays';
import { type ZoneTables, seedZoneTables, zoneTables } from '../../shared/sla/zone';
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

const ZoneYear = z
  .strictObject({ from: z.number(), to: z.number(), at: z.array(z.number()).min(1), offsets: z.array(z.number()).min(1) })
  .refine((zy) => zy.at.length === zy.offsets.length);
const HolidayDay = z.strictObject({
  date: z.string(),
  startLocal: z.number(),
  endLocal: z.number(),
  names: z.strictObject({ nl: z.string(), en: z.string() }),
});
const RegionProblem = z
  .strictObject({ code: z.string().transform((c) => c as IssueCode), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })
  .nullable();
const CacheFile = z.strictObject({
  stamp: z.record(z.string(), z.union([z.string(), z.number()])),
  zones: z.strictObject({ zones: z.array(z.string()), years: z.record(z.string(), ZoneYear) }),
  holidays: z.strictObject({ regions: z.record(z.string(), RegionProblem), years: z.record(z.string(), z.array(HolidayDay)) }),
});
type CacheFile = z.infer<typeof CacheFile>;

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
  const parsed = CacheFile.safeParse(json);
  return parsed.success ? parsed.data : 'corrupt';
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
