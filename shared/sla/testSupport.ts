import type { BusinessCalendarInput, HoursInterval } from './calendar';
import type { CompiledCalendar } from './compiled';
import { compileCalendar } from './compiled';
import type { SlaPolicy } from './policy';
import { parsePolicy } from './policy';

/**
 * Calendars and a policy shared by the SLA tests and the benchmark, so hand-worked numbers in
 * several files rest on one definition. Not used by the engine itself.
 */

const office: HoursInterval[] = [['08:30', '17:30']];
const split: HoursInterval[] = [
  ['08:30', '12:00'],
  ['13:00', '17:30'],
];

/** Mon–Fri 08:30–17:30 in Amsterdam with NL public holidays. */
export const OFFICE: BusinessCalendarInput = {
  kind: 'business',
  timeZone: 'Europe/Amsterdam',
  week: { mon: office, tue: office, wed: office, thu: office, fri: office },
  holidays: { country: 'NL' },
};

/** As OFFICE, with a lunch break: 08:30–12:00 and 13:00–17:30. */
export const OFFICE_LUNCH: BusinessCalendarInput = { ...OFFICE, week: { mon: split, tue: split, wed: split, thu: split, fri: split } };

export function compileOffice(): CompiledCalendar {
  return compileCalendar(OFFICE);
}

export function compileAlways(): CompiledCalendar {
  return compileCalendar({ kind: '24/7', timeZone: 'Europe/Amsterdam' });
}

/** P1 on 24/7, P2 and P3 on business hours, P4 best effort. */
export function testPolicy(): SlaPolicy {
  return parsePolicy({
    targets: {
      P1: { response: { minutes: 60, calendar: '24/7' }, resolution: { minutes: 240, calendar: '24/7' } },
      P2: { response: { minutes: 120, calendar: 'business' }, resolution: { minutes: 600, calendar: 'business' } },
      P3: { response: { minutes: 480, calendar: 'business' }, resolution: { minutes: 2400, calendar: 'business' } },
      P4: { response: null, resolution: null },
    },
  });
}
