import Holidays from 'date-holidays';
import type { IssueCode, MessageParams } from '../messages/catalog';

/**
 * Public holidays from `date-holidays` (rules for ~200 countries, NL included).
 *
 * Only days of type "public" count. For NL that is New Year, Easter Sunday and Monday, King's Day
 * (27 April, or the 26th when the 27th is a Sunday), Ascension, Whit Sunday and Monday, and 25–26
 * December. Liberation Day (5 May) is type "school" there: the law does not make it a paid day off
 * and most employers give it only every fifth year, so an agency that closes on it adds a custom
 * closure. Good Friday is likewise not public.
 *
 * The library is asked for dates in UTC on purpose: its start/end instants then *are* wall-clock
 * readings ("local ms", see zone.ts), independent of the host's zone, and the compiler converts them
 * to instants in the calendar's own zone with the same rules as business hours.
 */

export interface HolidayRegion {
  /** ISO 3166-1 alpha-2, e.g. `NL`. */
  country: string;
  /** ISO 3166-2 subdivision where the country's rules differ by state, e.g. `BY` for Bavaria. */
  state?: string | undefined;
  region?: string | undefined;
}

export interface HolidayDay {
  /** Local date of the first day, `YYYY-MM-DD`. */
  date: string;
  /** Wall-clock start and end (end exclusive) as local ms. Whole days run 00:00–00:00. */
  startLocal: number;
  endLocal: number;
  names: { nl: string; en: string };
}

const instances = new Map<string, Holidays>();
const years = new Map<string, HolidayDay[]>();

function regionKey(region: HolidayRegion): string {
  return [region.country, region.state ?? '', region.region ?? ''].join('/');
}

function instanceFor(region: HolidayRegion): Holidays {
  const key = regionKey(region);
  let hd = instances.get(key);
  if (!hd) {
    hd = new Holidays({ country: region.country, state: region.state, region: region.region }, { types: ['public'], timezone: 'UTC' });
    instances.set(key, hd);
  }
  return hd;
}

export type RegionProblem = { code: IssueCode; params?: MessageParams } | null;

// Validation runs on every compile; the catalogue of countries is built once, answers are kept.
let catalogue: Holidays | null = null;
let countries: Record<string, string> | null = null;
const regionProblems = new Map<string, RegionProblem>();

/** Null when `date-holidays` knows the country (and state/region, if given), else why not. */
export function holidayRegionProblem(region: HolidayRegion): RegionProblem {
  const key = regionKey(region);
  let problem = regionProblems.get(key);
  if (problem === undefined) {
    problem = checkRegion(region);
    regionProblems.set(key, problem);
  }
  return problem;
}

function checkRegion(region: HolidayRegion): RegionProblem {
  const all = (catalogue ??= new Holidays());
  countries ??= all.getCountries('en');
  if (!countries[region.country]) return { code: 'calendar.holidayCountry', params: { country: region.country } };
  if (region.state !== undefined) {
    const states = all.getStates(region.country, 'en') ?? {};
    if (!states[region.state]) return { code: 'calendar.holidayState', params: { state: region.state, country: region.country } };
    if (region.region !== undefined) {
      const regions = all.getRegions(region.country, region.state, 'en') ?? {};
      if (!regions[region.region])
        return { code: 'calendar.holidayRegion', params: { region: region.region, country: region.country, state: region.state } };
    }
  } else if (region.region !== undefined) return { code: 'calendar.holidayNeedsState' };
  return null;
}

/** The public holidays whose first day falls in local year `year`, oldest first, with Dutch and English names. */
export function publicHolidays(region: HolidayRegion, year: number): HolidayDay[] {
  const key = `${regionKey(region)}|${year}`;
  const cached = years.get(key);
  if (cached) return cached;
  const hd = instanceFor(region);
  const english = new Map(hd.getHolidays(year, 'en').map((h) => [`${h.rule}|${h.date}`, h.name]));
  const days = hd
    .getHolidays(year, 'nl')
    .filter((h) => h.type === 'public')
    .map((h) => {
      const names = { nl: h.name, en: english.get(`${h.rule}|${h.date}`) ?? h.name };
      return { date: h.date.slice(0, 10), startLocal: h.start.getTime(), endLocal: h.end.getTime(), names };
    });
  years.set(key, days);
  return days;
}

/**
 * What was asked of `date-holidays` so far, as plain data, and the way to hand it to a later run
 * (the SLA reference cache, core/sla/referenceCache.ts, stamped with the library's version): with
 * it, a start need not load the library at all.
 */
export interface HolidayTables {
  /** Region checks by `country/state/region`. */
  regions: Record<string, RegionProblem>;
  /** Public holidays by `country/state/region|year`. */
  years: Record<string, HolidayDay[]>;
}

export function holidayTables(): HolidayTables {
  return { regions: Object.fromEntries(regionProblems), years: Object.fromEntries(years) };
}

/** Adds answers from an earlier run on the same library version; ones computed here are kept. */
export function seedHolidayTables(tables: HolidayTables): void {
  for (const [key, problem] of Object.entries(tables.regions)) if (!regionProblems.has(key)) regionProblems.set(key, problem);
  for (const [key, days] of Object.entries(tables.years)) if (!years.has(key)) years.set(key, days);
}
