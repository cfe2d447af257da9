import type { SlaClock } from './clocks';
import type { CompiledCalendar } from './compiled';
import { closuresBetween, nextCoveredInstant } from './compiled';
import { WEEKDAYS } from './calendar';
import type { ClosureRun, Explanation } from './explanation';
import type { ClosureHit } from './yearSpan';
import { DAY_MS, isoInstant, localDayIndex, utcToLocal, weekdayOfDay } from './zone';

export type { ClosureRun, Explanation, ExplainTarget } from './explanation';

/**
 * A clock explained for people, as data (shared/sla/explanation.ts): which headline, the instants
 * in the calendar's zone, the target, the closures and weekends it skipped, the time paused.
 * shared/sla/explanationText.ts renders it, e.g. in English:
 *   due Mon 29 Dec 10:00 — 10 business hours from Tue 23 Dec 16:00; skips Christmas Day and
 *   Boxing Day (25–26 Dec) and the weekend; paused 2 h 10 m waiting on client
 */

/** Closures grouped into runs of consecutive dates. */
function closureRuns(hits: ClosureHit[]): ClosureRun[] {
  const runs: ClosureRun[] = [];
  for (const h of hits) {
    const run = runs[runs.length - 1];
    if (run && Date.parse(h.firstDate) - Date.parse(run.last) <= DAY_MS) {
      if (h.lastDate > run.last) run.last = h.lastDate;
      if (!run.names.some((n) => n.en === h.names.en && n.nl === h.names.nl)) run.names.push({ ...h.names });
    } else runs.push({ first: h.firstDate, last: h.lastDate, names: [{ ...h.names }] });
  }
  return runs;
}

/** Runs of local days in [from, to] on which the week has no business hours at all. */
function weekendRuns(cal: CompiledCalendar, from: number, to: number): number {
  if (cal.def.kind !== 'business') return 0;
  const week = cal.def.week;
  const closedDay = (day: number) => (week[WEEKDAYS[weekdayOfDay(day)]!] ?? []).length === 0;
  let runs = 0;
  let inRun = false;
  for (let day = localDayIndex(utcToLocal(cal.timeZone, from)); day <= localDayIndex(utcToLocal(cal.timeZone, to)); day++) {
    if (closedDay(day) && !inRun) runs++;
    inRun = closedDay(day);
  }
  return runs;
}

/** Explains `clock`; `calendars` are the contract's compiled calendars (the clock names its own). */
export function explainClock(clock: SlaClock, calendars: Readonly<Record<string, CompiledCalendar>>, now: number): Explanation {
  if (clock.state === 'none' || clock.targetMs === null || clock.calendar === null) return { key: 'none' };
  const cal = calendars[clock.calendar];
  if (!cal) return { key: 'none' };
  const timeZone = cal.timeZone;
  const target = { ms: clock.targetMs, alwaysOpen: cal.alwaysOpen };

  if (clock.state === 'met' && clock.stoppedAt !== null)
    return { key: 'met', params: { clock: clock.kind, timeZone, at: isoInstant(clock.stoppedAt), usedMs: clock.elapsedMs, target } };
  if (clock.state === 'paused') {
    const since = clock.pauses[clock.pauses.length - 1]?.from ?? now;
    return { key: 'paused', params: { timeZone, since: isoInstant(since), leftMs: clock.remainingMs ?? 0, target } };
  }

  const end = clock.dueAt ?? now;
  const breached = clock.state === 'breached';
  const firstCovered = nextCoveredInstant(cal, clock.startedAt);
  return {
    key: breached ? 'breached' : clock.state === 'at_risk' ? 'atRisk' : 'due',
    params: {
      clock: clock.kind,
      timeZone,
      at: isoInstant(breached ? (clock.breachedAt ?? end) : end),
      leftMs: clock.state === 'at_risk' ? (clock.remainingMs ?? 0) : null,
      target,
      startedAt: isoInstant(clock.startedAt),
      countingFrom: firstCovered > clock.startedAt ? isoInstant(firstCovered) : null,
      closures: closureRuns(closuresBetween(cal, clock.startedAt, end)),
      weekends: weekendRuns(cal, clock.startedAt, end),
      pausedMs: clock.pausedMs,
      stoppedAt: breached && clock.stoppedAt !== null ? isoInstant(clock.stoppedAt) : null,
    },
  };
}
