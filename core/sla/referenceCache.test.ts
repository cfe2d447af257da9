import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IncidentPage } from '../../shared/contract';
import { openEngine } from '../engine/engine';
import { seedDemo } from '../demo/seed';
import { tempDataDir } from '../testSupport';
import { holidayRegionProblem, publicHolidays } from '../../shared/sla/holidays';
import { isTimeZone, offsetAt } from '../../shared/sla/zone';
import { REFERENCE_CACHE_FILE, loadReferenceCache, referenceStamp } from './referenceCache';

// The tables are the process's own (module state); each test plants made-up entries under keys no
// real computation uses (a zone and a country that do not exist, years far ahead), so that reading
// one back proves the cache was used and a real answer proves it was not.
const cacheFile = (dir: string) => path.join(dir, REFERENCE_CACHE_FILE);
const HOUR = 3_600_000;
const PAGE = { sort: 'sla', offset: 0, limit: 100 } as const;

function planted(tag: string, year: number, stamp: Record<string, string | number> = referenceStamp()) {
  const from = Date.UTC(year, 0, 1) - 2 * 86_400_000;
  const to = Date.UTC(year + 1, 0, 1) + 2 * 86_400_000;
  return {
    stamp,
    zones: {
      zones: [`Fake/${tag}`],
      years: { [`Europe/Amsterdam|${year}`]: { from, to, at: [from], offsets: [5 * HOUR] } },
    },
    holidays: {
      regions: { [`Q${tag}//`]: null },
      years: {
        [`Q${tag}//|${year}`]: [
          { date: `${year}-06-01`, startLocal: Date.UTC(year, 5, 1), endLocal: Date.UTC(year, 5, 2), names: { nl: 'Nepdag', en: 'Fake day' } },
        ],
      },
    },
  };
}

afterEach(() => vi.restoreAllMocks());

describe('the SLA reference cache', () => {
  it('is written when a run computed tables, and then holds what it computed', () => {
    const dir = tempDataDir();
    const cache = loadReferenceCache(dir);
    expect(cache.ignored).toBe('missing');
    publicHolidays({ country: 'NL' }, 2031);
    offsetAt('Europe/Amsterdam', Date.UTC(2031, 6, 1));
    expect(cache.save()).toBe(true);
    const written = JSON.parse(fs.readFileSync(cacheFile(dir), 'utf8'));
    expect(written.stamp).toEqual(referenceStamp());
    expect(written.zones.years['Europe/Amsterdam|2031'].offsets).toEqual([HOUR, 2 * HOUR, HOUR]);
    expect(written.holidays.years['NL//|2031'].map((h: { date: string }) => h.date)).toContain('2031-12-25');
    // Nothing new since: no second write; no temporary file left behind.
    expect(cache.save()).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([REFERENCE_CACHE_FILE]);
    // A later run reads it.
    expect(loadReferenceCache(dir).ignored).toBeNull();
  });

  it('answers from a current cache without computing', () => {
    const dir = tempDataDir();
    fs.writeFileSync(cacheFile(dir), JSON.stringify(planted('Current', 2150)));
    const cache = loadReferenceCache(dir);
    expect(cache.ignored).toBeNull();
    expect(isTimeZone('Fake/Current')).toBe(true);
    expect(offsetAt('Europe/Amsterdam', Date.UTC(2150, 6, 1))).toBe(5 * HOUR);
    expect(holidayRegionProblem({ country: 'QCurrent' })).toBeNull();
    expect(publicHolidays({ country: 'QCurrent' }, 2150)).toEqual([expect.objectContaining({ date: '2150-06-01' })]);
  });

  it('ignores a cache stamped with other data versions, and replaces it', () => {
    const dir = tempDataDir();
    const stale = planted('Stale', 2151, { ...referenceStamp(), dateHolidays: '0.0.1' });
    fs.writeFileSync(cacheFile(dir), JSON.stringify(stale));
    const cache = loadReferenceCache(dir);
    expect(cache.ignored).toBe('stale');
    expect(isTimeZone('Fake/Stale')).toBe(false);
    // The real offset (summer time), not the planted one.
    expect(offsetAt('Europe/Amsterdam', Date.UTC(2151, 6, 1))).toBe(2 * HOUR);
    expect(holidayRegionProblem({ country: 'QStale' })).toMatchObject({ code: 'calendar.holidayCountry' });
    expect(cache.save()).toBe(true);
    const rewritten = JSON.parse(fs.readFileSync(cacheFile(dir), 'utf8'));
    expect(rewritten.stamp).toEqual(referenceStamp());
    expect(rewritten.zones.years['Europe/Amsterdam|2151'].offsets).toEqual([HOUR, 2 * HOUR, HOUR]);
  });

  it.each([
    ['not JSON', '{"stamp": {'],
    ['an empty file', ''],
    ['JSON of another shape', '[1, 2, 3]'],
    ['a zone table whose lists differ in length', () => {
      const bad = planted('Uneven', 2152);
      bad.zones.years['Europe/Amsterdam|2152']!.at.push(0);
      return JSON.stringify(bad);
    }],
    ['null', 'null'],
    ['an offset written as text', () => JSON.stringify(planted('Text', 2158)).replace('"offsets":[18000000]', '"offsets":["18000000"]')],
    ['a field it does not know', () => {
      const bad = planted('Unknown', 2159);
      Object.assign(bad.zones.years['Europe/Amsterdam|2159']!, { extra: true });
      return JSON.stringify(bad);
    }],
    ['a region check without its code', () => {
      const bad = planted('Codeless', 2160) as unknown as { holidays: { regions: Record<string, unknown> } };
      bad.holidays.regions['QCodeless//'] = { params: { country: 'QCodeless' } };
      return JSON.stringify(bad);
    }],
    ['a zone table whose changes run backwards', () => {
      const bad = planted('Backwards', 2161);
      const zy = bad.zones.years['Europe/Amsterdam|2161']!;
      zy.at.push(zy.from + 90 * 86_400_000, zy.from + 30 * 86_400_000);
      zy.offsets.push(HOUR, 2 * HOUR);
      return JSON.stringify(bad);
    }],
    ['a zone table filed under another year', () => JSON.stringify(planted('Moved', 2162)).replace('Europe/Amsterdam|2162', 'Europe/Amsterdam|2163')],
    ['an offset of more than a day', () => JSON.stringify(planted('Far', 2164)).replace('"offsets":[18000000]', '"offsets":[90000000]')],
    ['a holiday that ends before it starts', () => {
      const bad = planted('Inverted', 2165);
      const day = bad.holidays.years['QInverted//|2165']![0]!;
      day.endLocal = day.startLocal - 1;
      return JSON.stringify(bad);
    }],
    ['a holiday without its names', () => {
      const bad = planted('Nameless', 2153) as unknown as { holidays: { years: Record<string, { names?: unknown }[]> } };
      delete bad.holidays.years['QNameless//|2153']![0]!.names;
      return JSON.stringify(bad);
    }],
  ])('ignores a corrupt cache (%s), uses none of it and rewrites it', (_, contents) => {
    const dir = tempDataDir();
    fs.writeFileSync(cacheFile(dir), typeof contents === 'function' ? contents() : contents);
    const cache = loadReferenceCache(dir);
    expect(cache.ignored).toBe('corrupt');
    expect(isTimeZone('Fake/Uneven')).toBe(false);
    expect(holidayRegionProblem({ country: 'QNameless' })).not.toBeNull();
    offsetAt('Europe/Amsterdam', Date.UTC(2154, 6, 1));
    expect(cache.save()).toBe(true);
    expect(loadReferenceCache(dir).ignored).toBeNull();
  });

  it('costs only the shortcut when the data folder cannot be written', () => {
    const dir = tempDataDir();
    const cache = loadReferenceCache(dir);
    offsetAt('Europe/Amsterdam', Date.UTC(2155, 6, 1));
    const readOnly = Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
    vi.spyOn(fs, 'writeFileSync').mockImplementation(() => {
      throw readOnly;
    });
    expect(cache.save()).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('leaves an existing cache whole when writing a new one fails half-way', () => {
    const dir = tempDataDir();
    fs.writeFileSync(cacheFile(dir), JSON.stringify(planted('Whole', 2156)));
    const cache = loadReferenceCache(dir);
    offsetAt('Europe/Amsterdam', Date.UTC(2157, 6, 1));
    vi.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw new Error('EIO');
    });
    expect(cache.save()).toBe(false);
    vi.restoreAllMocks();
    expect(loadReferenceCache(dir).ignored).toBeNull();
    expect(fs.readdirSync(dir)).toEqual([REFERENCE_CACHE_FILE]);
  });
});

/** An engine on a fresh folder with a few demo incidents, and their first page. */
function seededEngine(seed: number, incidents: number) {
  const dir = tempDataDir();
  const engine = openEngine({ dataDir: dir });
  engine.ensureProfile('Test Engineer');
  seedDemo(engine, { seed, clients: 2, incidents });
  const page = engine.handlers.incidents.list(PAGE) as IncidentPage;
  return { dir, engine, page };
}

describe('the engine and the reference cache', () => {
  it('writes the cache at close and reads it at the next open; a corrupt one changes no clock', () => {
    const { dir, engine: first, page } = seededEngine(7, 12);
    first.close();
    const written = JSON.parse(fs.readFileSync(cacheFile(dir), 'utf8'));
    expect(Object.keys(written.holidays.regions)).toContain('NL//');

    fs.writeFileSync(cacheFile(dir), 'garbage');
    const second = openEngine({ dataDir: dir });
    expect(second.handlers.incidents.list(PAGE)).toEqual(page);
    second.close();
  });

  it('works on a data folder whose cache cannot be written', () => {
    const { engine, page } = seededEngine(8, 3);
    expect(page.total).toBe(3);
    const original = fs.writeFileSync;
    vi.spyOn(fs, 'writeFileSync').mockImplementation((file, ...rest) => {
      if (String(file).includes(REFERENCE_CACHE_FILE)) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      return original(file, ...rest);
    });
    expect(() => engine.close()).not.toThrow();
  });
});
