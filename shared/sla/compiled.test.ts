import { describe, expect, it } from 'vitest';
import { VangnetError } from '../errors';
import { addCoveredMs, closuresBetween, compileCalendar, coveredIntervals, coveredMsBetween, nextCoveredInstant } from './compiled';
import { publicHolidays } from './holidays';
import { OFFICE, OFFICE_LUNCH, compileAlways, compileOffice } from './testSupport';

/**
 * Hand-worked due instants. Every instant is written with the offset Amsterdam had then (+01:00
 * in winter, +02:00 in summer), so the expectations don't lean on the engine's own zone code.
 */
const H = 3_600_000;
const M = 60_000;
const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

const office = compileOffice();
const due = (start: string, ms: number) => iso(addCoveredMs(office, t(start), ms));

describe('NL public holidays (date-holidays, type public)', () => {
  it("lists the public days of 2025, King's Day on Saturday 26 April because the 27th is a Sunday", () => {
    expect(publicHolidays({ country: 'NL' }, 2025).map((h) => `${h.date} ${h.names.en}`)).toEqual([
      "2025-01-01 New Year's Day",
      '2025-04-20 Easter Sunday',
      '2025-04-21 Easter Monday',
      "2025-04-26 King's Day",
      '2025-05-29 Ascension Day',
      '2025-06-08 Pentecost',
      '2025-06-09 Whit Monday',
      '2025-12-25 Christmas Day',
      '2025-12-26 Boxing Day',
    ]);
  });

  it("keeps King's Day on 27 April in 2026 and leaves out Liberation Day and Good Friday", () => {
    const dates = publicHolidays({ country: 'NL' }, 2026).map((h) => h.date);
    expect(dates).toContain('2026-04-27');
    expect(dates).not.toContain('2026-04-03'); // Good Friday
    expect(publicHolidays({ country: 'NL' }, 2025).map((h) => h.date)).not.toContain('2025-05-05'); // Liberation Day, even in a lustrum year
  });
});

describe('business calendar: holidays', () => {
  it('skips Christmas and the weekend', () => {
    // Wed 24 Dec 16:30 + 2 h: 1 h on the 24th, 25–26 closed, 27–28 weekend, 1 h from Mon 08:30.
    expect(due('2025-12-24T16:30:00+01:00', 2 * H)).toBe(iso(t('2025-12-29T09:30:00+01:00')));
  });

  it('skips Easter Monday but not Good Friday', () => {
    expect(due('2025-04-18T17:00:00+02:00', H)).toBe(iso(t('2025-04-22T09:00:00+02:00')));
  });

  it("skips King's Day on Monday 27 April 2026", () => {
    expect(due('2026-04-24T17:00:00+02:00', H)).toBe(iso(t('2026-04-28T09:00:00+02:00')));
  });

  it("closes Saturday 26 April 2025 (King's Day moved) on a calendar that opens on Saturdays", () => {
    const day: [string, string][] = [['10:00', '16:00']];
    const shop = compileCalendar({ ...OFFICE, week: { sat: day } });
    expect(coveredMsBetween(shop, t('2025-04-26T00:00:00+02:00'), t('2025-04-27T00:00:00+02:00'))).toBe(0);
    expect(coveredMsBetween(shop, t('2025-04-19T00:00:00+02:00'), t('2025-04-20T00:00:00+02:00'))).toBe(6 * H);
    expect(coveredMsBetween(shop, t('2026-04-25T00:00:00+02:00'), t('2026-04-26T00:00:00+02:00'))).toBe(6 * H);
  });

  it('skips Ascension Day and Whit Monday', () => {
    expect(due('2025-05-28T17:00:00+02:00', H)).toBe(iso(t('2025-05-30T09:00:00+02:00')));
    expect(due('2025-06-06T17:00:00+02:00', H)).toBe(iso(t('2025-06-10T09:00:00+02:00')));
  });

  it('crosses New Year (two compiled years and a holiday)', () => {
    expect(due('2025-12-31T17:00:00+01:00', H)).toBe(iso(t('2026-01-02T09:00:00+01:00')));
    expect(coveredMsBetween(office, t('2025-12-31T08:30:00+01:00'), t('2026-01-02T17:30:00+01:00'))).toBe(18 * H);
  });

  it('starts counting at the next opening when started on a holiday', () => {
    expect(due('2025-12-25T10:00:00+01:00', H)).toBe(iso(t('2025-12-29T09:30:00+01:00')));
    expect(iso(nextCoveredInstant(office, t('2025-12-25T10:00:00+01:00')))).toBe(iso(t('2025-12-29T08:30:00+01:00')));
  });

  it('names the holidays it skipped', () => {
    const hits = closuresBetween(office, t('2025-12-24T16:30:00+01:00'), t('2025-12-29T09:30:00+01:00'));
    expect(hits.map((h) => [h.firstDate, h.names.nl, h.removedMs])).toEqual([
      ['2025-12-25', 'Kerstmis', 9 * H],
      ['2025-12-26', 'Tweede kerstdag', 9 * H],
    ]);
  });
});

describe('business calendar: hours', () => {
  it('starts counting at opening time when started before it, and on Monday when started at the weekend', () => {
    expect(due('2025-01-07T07:00:00+01:00', H)).toBe(iso(t('2025-01-07T09:30:00+01:00')));
    expect(due('2025-01-11T13:00:00+01:00', H)).toBe(iso(t('2025-01-13T09:30:00+01:00')));
  });

  it('answers the earliest instant: the end of the day, not the next morning', () => {
    expect(due('2025-01-10T16:30:00+01:00', H)).toBe(iso(t('2025-01-10T17:30:00+01:00')));
    expect(due('2025-01-10T16:30:00+01:00', H + 1)).toBe(iso(t('2025-01-13T08:30:00.001+01:00')));
  });

  it('skips a lunch break with several intervals a day', () => {
    const lunch = compileCalendar(OFFICE_LUNCH);
    expect(iso(addCoveredMs(lunch, t('2025-01-06T11:30:00+01:00'), H))).toBe(iso(t('2025-01-06T13:30:00+01:00')));
    expect(iso(addCoveredMs(lunch, t('2025-01-06T11:30:00+01:00'), 30 * M))).toBe(iso(t('2025-01-06T12:00:00+01:00')));
    expect(coveredMsBetween(lunch, t('2025-01-06T00:00:00+01:00'), t('2025-01-07T00:00:00+01:00'))).toBe(8 * H);
  });

  it('treats zero as "no covered time needed" and refuses negative or non-finite amounts', () => {
    expect(addCoveredMs(office, t('2025-01-11T13:00:00+01:00'), 0)).toBe(t('2025-01-11T13:00:00+01:00'));
    expect(() => addCoveredMs(office, 0 + t('2025-01-06T09:00:00Z'), -1)).toThrow(VangnetError);
    expect(() => addCoveredMs(office, t('2025-01-06T09:00:00Z'), Number.NaN)).toThrow(/non-negative/);
    expect(() => addCoveredMs(office, Number.NaN, H)).toThrow(/epoch-ms/);
  });

  it('measures zero when the end is not after the start', () => {
    expect(coveredMsBetween(office, t('2025-01-07T12:00:00Z'), t('2025-01-07T10:00:00Z'))).toBe(0);
  });

  it('lists covered intervals clipped to the range', () => {
    expect(
      coveredIntervals(office, t('2025-01-10T12:00:00+01:00'), t('2025-01-13T09:00:00+01:00')).map(([a, b]) => [iso(a), iso(b)]),
    ).toEqual([
      [iso(t('2025-01-10T12:00:00+01:00')), iso(t('2025-01-10T17:30:00+01:00'))],
      [iso(t('2025-01-13T08:30:00+01:00')), iso(t('2025-01-13T09:00:00+01:00'))],
    ]);
  });
});

describe('DST in Europe/Amsterdam', () => {
  it('keeps business hours on the wall clock across spring forward (30 March 2025)', () => {
    expect(due('2025-03-28T17:00:00+01:00', H)).toBe(iso(t('2025-03-31T09:00:00+02:00')));
    expect(coveredMsBetween(office, t('2025-03-28T08:30:00+01:00'), t('2025-03-31T17:30:00+02:00'))).toBe(18 * H);
  });

  it('keeps business hours on the wall clock across fall back (26 October 2025)', () => {
    expect(due('2025-10-24T17:00:00+02:00', H)).toBe(iso(t('2025-10-27T09:00:00+01:00')));
    expect(coveredMsBetween(office, t('2025-10-24T08:30:00+02:00'), t('2025-10-27T17:30:00+01:00'))).toBe(18 * H);
  });

  it('runs a 24/7 calendar on elapsed time: 24 h later reads 13:00 after spring forward and 11:00 after fall back', () => {
    const always = compileAlways();
    expect(iso(addCoveredMs(always, t('2025-03-29T12:00:00+01:00'), 24 * H))).toBe(iso(t('2025-03-30T13:00:00+02:00')));
    expect(iso(addCoveredMs(always, t('2025-10-25T12:00:00+02:00'), 24 * H))).toBe(iso(t('2025-10-26T11:00:00+01:00')));
    expect(coveredMsBetween(always, t('2025-03-30T00:00:00+01:00'), t('2025-03-31T00:00:00+02:00'))).toBe(23 * H);
  });

  it('gives a whole-day business calendar 23- and 25-hour days', () => {
    const full: [string, string][] = [['00:00', '24:00']];
    const days = compileCalendar({ kind: 'business', timeZone: 'Europe/Amsterdam', week: { sun: full, mon: full } });
    expect(coveredMsBetween(days, t('2025-03-30T00:00:00+01:00'), t('2025-03-31T00:00:00+02:00'))).toBe(23 * H);
    expect(coveredMsBetween(days, t('2025-10-26T00:00:00+02:00'), t('2025-10-27T00:00:00+01:00'))).toBe(25 * H);
    // Sunday and Monday touch at midnight: one stretch of 48 wall-clock hours, minus or plus the shift.
    expect(iso(addCoveredMs(days, t('2025-03-30T00:00:00+01:00'), 47 * H))).toBe(iso(t('2025-04-01T00:00:00+02:00')));
  });

  it('covers exactly the instants whose wall clock reads inside the hours, on the nights the clocks change', () => {
    // Sundays 02:00–04:00: spring has 1 real hour (02:00–03:00 never shows), autumn 3 (02:00–03:00 shows twice).
    const night = compileCalendar({ kind: 'business', timeZone: 'Europe/Amsterdam', week: { sun: [['02:00', '04:00']] } });
    expect(coveredMsBetween(night, t('2025-03-29T12:00:00Z'), t('2025-03-30T12:00:00Z'))).toBe(H);
    expect(coveredMsBetween(night, t('2025-10-25T12:00:00Z'), t('2025-10-26T12:00:00Z'))).toBe(3 * H);
    expect(coveredMsBetween(night, t('2025-04-05T12:00:00Z'), t('2025-04-06T12:00:00Z'))).toBe(2 * H);
    // Sundays 01:00–02:30, ending inside the shifted hour: 01:00–02:00 then the jump to 03:00 (1 h);
    // in autumn 01:00–02:30 CEST and again 02:00–02:30 CET (2 h, in two pieces).
    const early = compileCalendar({ kind: 'business', timeZone: 'Europe/Amsterdam', week: { sun: [['01:00', '02:30']] } });
    expect(coveredMsBetween(early, t('2025-03-29T12:00:00Z'), t('2025-03-30T12:00:00Z'))).toBe(H);
    expect(coveredIntervals(early, t('2025-10-25T12:00:00Z'), t('2025-10-26T12:00:00Z')).map(([a, b]) => [iso(a), iso(b)])).toEqual([
      [iso(t('2025-10-26T01:00:00+02:00')), iso(t('2025-10-26T02:30:00+02:00'))],
      [iso(t('2025-10-26T02:00:00+01:00')), iso(t('2025-10-26T02:30:00+01:00'))],
    ]);
  });
});

describe('custom closures', () => {
  it('closes whole days and local date-time spans', () => {
    const cal = compileCalendar({
      ...OFFICE,
      closures: [
        { kind: 'days', from: '2026-12-28', to: '2026-12-31', label: 'Kerstsluiting' },
        { kind: 'span', start: '2026-12-24T12:00', end: '2026-12-24T17:30', label: 'Kerstborrel' },
      ],
    });
    // Thu 24 Dec 11:00 + 2 h: 1 h until 12:00; 25 Fri, 26 Sat holidays; 27 Sun; 28–31 closed; 1 Jan holiday; Sat, Sun; Mon 4 Jan 08:30 + 1 h.
    expect(iso(addCoveredMs(cal, t('2026-12-24T11:00:00+01:00'), 2 * H))).toBe(iso(t('2027-01-04T09:30:00+01:00')));
    expect(closuresBetween(cal, t('2026-12-24T11:00:00+01:00'), t('2027-01-04T09:30:00+01:00')).map((c) => c.names.en)).toEqual([
      'Kerstborrel',
      'Christmas Day',
      'Kerstsluiting',
      "New Year's Day",
    ]);
  });

  it('takes absolute spans as instants', () => {
    // 08:00Z–10:00Z is 09:00–11:00 in Amsterdam in January: 2 of the day's 9 hours.
    const cal = compileCalendar({ ...OFFICE, closures: [{ kind: 'span', start: '2025-01-06T08:00:00Z', end: '2025-01-06T10:00:00Z' }] });
    expect(coveredMsBetween(cal, t('2025-01-06T00:00:00+01:00'), t('2025-01-07T00:00:00+01:00'))).toBe(7 * H);
  });
});

describe('compiled calendars are shared', () => {
  it('one definition compiles once; another, or another name, compiles its own', () => {
    const a = compileCalendar({ ...OFFICE, name: 'Shared A' });
    expect(compileCalendar({ ...OFFICE, name: 'Shared A' })).toBe(a);
    expect(compileCalendar({ ...OFFICE, name: 'Shared B' })).not.toBe(a);
    expect(compileCalendar({ ...OFFICE, name: 'Shared A', holidays: undefined })).not.toBe(a);
  });

  it('a shared calendar gives the answers a fresh one gives, whatever was asked of it before', () => {
    const def = { ...OFFICE, name: 'Shared answers' };
    const first = compileCalendar(def);
    // Fills its years and its last-year hint far from where the next question lands.
    addCoveredMs(first, t('2031-03-03T09:00:00+01:00'), 5 * H);
    const again = compileCalendar(def);
    expect(again).toBe(first);
    // Wednesday 16:00–17:30, Christmas, Boxing Day and the weekend skipped, Monday 08:30–09:00.
    expect(iso(addCoveredMs(again, t('2025-12-24T16:00:00+01:00'), 2 * H))).toBe(iso(t('2025-12-29T09:00:00+01:00')));
    const twin = compileCalendar({ ...OFFICE, name: 'Fresh twin' });
    expect(twin).not.toBe(first);
    expect(addCoveredMs(twin, t('2025-12-24T16:00:00+01:00'), 2 * H)).toBe(addCoveredMs(again, t('2025-12-24T16:00:00+01:00'), 2 * H));
  });

  it('an invalid definition is refused every time, never remembered', () => {
    const bad = { ...OFFICE, timeZone: 'Mars/Olympus' };
    expect(() => compileCalendar(bad)).toThrow(VangnetError);
    expect(() => compileCalendar(bad)).toThrow(VangnetError);
  });

  it('keeps at most 64 and compiles a dropped one afresh', () => {
    const first = compileCalendar({ ...OFFICE, name: 'Evicted 0' });
    for (let i = 1; i <= 64; i++) compileCalendar({ ...OFFICE, name: `Evicted ${i}` });
    expect(compileCalendar({ ...OFFICE, name: 'Evicted 0' })).not.toBe(first);
  });
});
