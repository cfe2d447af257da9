import { addMonths, monthOfInstant, monthRangeUtc } from '../../shared/billing/month';
import type { ClientCreateArgs } from '../../shared/mutations/client';
import type { IncidentCreateArgs } from '../../shared/mutations/incident';
import type { TimeLogArgs } from '../../shared/mutations/time';
import { publicHolidays } from '../../shared/sla/holidays';
import { DAY_MS, localDateString, localToUtc, utcToLocal } from '../../shared/sla/zone';
import type { GeneratedData } from './generator';
import { seededUuid } from './generator';
import { CLIENT_TIME_NOTES, TIME_NOTES } from './names';

/**
 * A quarter of time entries for the demo: from the first day of the month three months before
 * `now` (Amsterdam) to `now`. Engineers work Dutch working days (no weekends, no public holidays),
 * 08:30–17:30; only a P1's first hour may fall outside them (the evening alarm of the seed's
 * practice case). Mostly short entries, a few long ones, some not billable; change requests take
 * longer. Deterministic for the same random source.
 */

export const DEMO_ZONE = 'Europe/Amsterdam';
const MIN = 60_000;
const HOUR = 60 * MIN;

/** The instant the demo quarter starts: local midnight on the 1st of the month three months before `nowMs`. */
export function quarterStart(nowMs: number): number {
  return monthRangeUtc(addMonths(monthOfInstant(nowMs, DEMO_ZONE), -3), DEMO_ZONE)[0];
}

function workingDay(localMs: number): boolean {
  const weekday = new Date(localMs).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const date = localDateString(localMs);
  return !publicHolidays({ country: 'NL' }, Number(date.slice(0, 4))).some((h) => h.date === date);
}

/** `utcMs` if it is in working hours; else a time in the morning of the next working day. */
function inWorkingHours(utcMs: number, rand: () => number): number {
  const local = utcToLocal(DEMO_ZONE, utcMs);
  const minuteOfDay = Math.floor((local % DAY_MS) / MIN);
  if (workingDay(local) && minuteOfDay >= 510 && minuteOfDay < 1050) return utcMs;
  let day = Math.floor(local / DAY_MS) * DAY_MS;
  if (minuteOfDay >= 510) day += DAY_MS;
  while (!workingDay(day)) day += DAY_MS;
  return localToUtc(DEMO_ZONE, day + (510 + Math.floor(rand() * 150)) * MIN);
}

/** Mostly short: a quarter-hour question, sometimes an hour, now and then an afternoon. */
function minutesOf(rand: () => number, changeRequest: boolean): number {
  if (changeRequest) return 45 + Math.floor(rand() * 136);
  const roll = rand();
  if (roll < 0.7) return 5 + Math.floor(rand() * 21);
  if (roll < 0.92) return 25 + Math.floor(rand() * 36);
  return 60 + Math.floor(rand() * 121);
}

export function generateTimeEntries(
  data: Pick<GeneratedData, 'clients' | 'incidents' | 'transitions'>,
  options: { rand: () => number; nowMs: number; engineerIds: readonly string[] },
): TimeLogArgs[] {
  const { rand, nowMs, engineerIds } = options;
  const start = quarterStart(nowMs);
  // The laptop's own engineer does a good share, so the Time room has something to show.
  const engineer = () => engineerIds[rand() < 0.4 ? 0 : Math.floor(rand() * engineerIds.length)] as string;
  const resolvedAt = new Map<string, number>();
  for (const t of data.transitions) if (t.to === 'resolved') resolvedAt.set(t.id, Date.parse(t.at));
  const entries: TimeLogArgs[] = [];
  const add = (at: number, minutes: number, target: { incidentId: string | null; clientId: string | null }, note: string) => {
    if (at < start || at + minutes * MIN > nowMs) return;
    entries.push({
      id: seededUuid(rand, at),
      engineerId: engineer(),
      ...target,
      startedAt: new Date(at).toISOString(),
      minutes,
      note,
      billable: rand() > 0.07,
      confirmLong: false,
    });
  };

  for (const incident of data.incidents as IncidentCreateArgs[]) {
    const opened = Date.parse(incident.openedAt as string);
    const end = resolvedAt.get(incident.id) ?? nowMs;
    const changeRequest = incident.category === 'new_functionality';
    const count = incident.priority === 'P1' ? 2 + Math.floor(rand() * 4) : 1 + Math.floor(rand() * rand() * 4);
    for (let k = 0; k < count; k += 1) {
      const alarm = k === 0 && incident.priority === 'P1';
      const at = alarm ? opened + (5 + rand() * 15) * MIN : inWorkingHours(opened + 10 * MIN + rand() * Math.max(HOUR, end - opened), rand);
      const minutes = alarm ? 20 + Math.floor(rand() * 50) : minutesOf(rand, changeRequest);
      add(
        Math.floor(at / MIN) * MIN,
        minutes,
        { incidentId: incident.id, clientId: null },
        TIME_NOTES[Math.floor(rand() * TIME_NOTES.length)] ?? '',
      );
    }
  }
  // Now and then an hour on a client without an incident: a review, a campaign announced in time.
  for (const client of data.clients as ClientCreateArgs[])
    for (let month = 0; month < 4; month += 1)
      if (rand() < 0.35) {
        const at = inWorkingHours(start + (month * 30 + rand() * 28) * DAY_MS, rand);
        add(
          Math.floor(at / MIN) * MIN,
          30 + Math.floor(rand() * 31),
          { incidentId: null, clientId: client.id as string },
          CLIENT_TIME_NOTES[Math.floor(rand() * CLIENT_TIME_NOTES.length)] ?? '',
        );
      }
  return entries.sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
}
