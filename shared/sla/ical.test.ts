import { describe, expect, it } from 'vitest';
import { VangnetError } from '../errors';
import { addCoveredMs, compileCalendar } from './compiled';
import { importIcal } from './ical';
import { OFFICE } from './testSupport';

const ics = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Bureau//Sluitingsdagen//NL',
  'BEGIN:VTIMEZONE',
  'TZID:W. Europe Standard Time',
  'BEGIN:STANDARD',
  'DTSTART:16010101T030000',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:1',
  'DTSTART;VALUE=DATE:20261228',
  'DTEND;VALUE=DATE:20270101',
  'SUMMARY:Kerstsluiting\\, hele bureau',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:2',
  'DTSTART;TZID=Europe/Amsterdam:20261224T120000',
  'DTEND;TZID=Europe/Amsterdam:20261224T173000',
  'SUMMARY:Kerstborrel',
  'BEGIN:VALARM',
  'TRIGGER:-PT15M',
  'DTSTART:20200101T000000Z',
  'END:VALARM',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:3',
  'DTSTART:20260601T080000Z',
  'DURATION:PT2H',
  'SUMMARY:Verhuizing server',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:4',
  'DTSTART;TZID="W. Europe Standard Time":20260703T130000',
  'DTEND;TZID="W. Europe Standard Time":20260703T173000',
  'SUMMARY:Teamuitje met een heel lange beschrijving die over meer dan één regel',
  '  wordt gevouwen',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:5',
  'DTSTART;VALUE=DATE:20240505',
  'RRULE:FREQ=YEARLY;INTERVAL=5',
  'SUMMARY:Bevrijdingsdag (lustrum)',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:6',
  'DTSTART;VALUE=DATE:20260101',
  'RRULE:FREQ=MONTHLY;BYDAY=1FR',
  'SUMMARY:Eerste vrijdag',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:7',
  'DTSTART;VALUE=DATE:20260310',
  'STATUS:CANCELLED',
  'SUMMARY:Afgelast',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:8',
  'DTSTART:20260310T090000',
  'SUMMARY:Zonder einde',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('importIcal', () => {
  const result = importIcal(ics, { timeZone: 'Europe/Amsterdam', untilYear: 2035 });

  it('turns all-day, zoned, UTC and Windows-zoned events into closures', () => {
    expect(result.closures).toEqual([
      { kind: 'days', from: '2026-12-28', to: '2026-12-31', label: 'Kerstsluiting, hele bureau' },
      { kind: 'span', start: '2026-12-24T12:00:00', end: '2026-12-24T17:30:00', label: 'Kerstborrel' },
      { kind: 'span', start: '2026-06-01T08:00:00Z', end: '2026-06-01T10:00:00Z', label: 'Verhuizing server' },
      {
        kind: 'span',
        start: '2026-07-03T13:00:00',
        end: '2026-07-03T17:30:00',
        label: 'Teamuitje met een heel lange beschrijving die over meer dan één regel wordt gevouwen',
      },
      { kind: 'days', from: '2024-05-05', to: '2024-05-05', label: 'Bevrijdingsdag (lustrum)' },
      { kind: 'days', from: '2029-05-05', to: '2029-05-05', label: 'Bevrijdingsdag (lustrum)' },
      { kind: 'days', from: '2034-05-05', to: '2034-05-05', label: 'Bevrijdingsdag (lustrum)' },
    ]);
  });

  it('says which events it skipped and why', () => {
    expect(result.skipped).toEqual([
      {
        summary: 'Eerste vrijdag',
        code: 'recurrence',
        params: { rule: 'FREQ=MONTHLY;BYDAY=1FR' },
        reason: expect.stringMatching(/recurrence "FREQ=MONTHLY;BYDAY=1FR" is not expanded/),
      },
      { summary: 'Afgelast', code: 'cancelled', reason: 'cancelled' },
      { summary: 'Zonder einde', code: 'noEnd', reason: 'a timed event without an end closes nothing' },
    ]);
  });

  it("converts a zone other than the calendar's to absolute instants", () => {
    const london = importIcal(
      [
        'BEGIN:VCALENDAR',
        'BEGIN:VEVENT',
        'DTSTART;TZID=Europe/London:20260703T090000',
        'DTEND;TZID=Europe/London:20260703T100000',
        'END:VEVENT',
        'END:VCALENDAR',
      ].join('\n'),
      {
        timeZone: 'Europe/Amsterdam',
        untilYear: 2030,
      },
    );
    expect(london.closures).toEqual([{ kind: 'span', start: '2026-07-03T08:00:00Z', end: '2026-07-03T09:00:00Z' }]);
  });

  it('feeds a calendar whose arithmetic then skips the closures', () => {
    const cal = compileCalendar({ ...OFFICE, closures: result.closures });
    // Thu 24 Dec 2026 11:00 + 2 h: 1 h to the party at 12:00, then holidays, closure, New Year, weekend.
    expect(new Date(addCoveredMs(cal, Date.parse('2026-12-24T11:00:00+01:00'), 2 * 3_600_000)).toISOString()).toBe(
      '2027-01-04T08:30:00.000Z',
    );
  });

  it('refuses text that is not an iCalendar', () => {
    expect(() => importIcal('hello', { timeZone: 'Europe/Amsterdam', untilYear: 2030 })).toThrow(VangnetError);
  });
});
