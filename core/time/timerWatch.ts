import type { StaleTimerQuestion } from '../../shared/contract/time';
import { entryMinutes, type TimeEntry } from '../../shared/domain/time';
import { VangnetError } from '../../shared/errors';
import type { MutationArgs, MutationName } from '../../shared/mutations/index';
import { getRowBy } from '../repos/rows';
import { clearHeartbeats, heartbeatOf, runningTimer, writeHeartbeat } from '../repos/timeEntries';
import type { Db } from '../store/database';

/** How often the engine notes that this laptop's engineer's timer still runs. */
export const HEARTBEAT_EVERY_MS = 60_000;
/** A heartbeat older than this at start means the engine was not running: ask about the gap. */
export const STALE_AFTER_MS = 10 * 60_000;

export type StaleAnswer = StaleTimerQuestion['answers'][number];

export interface TimerWatchDeps {
  db: Db;
  now(): number;
  /** This laptop's engineer, or null before a profile exists. */
  engineerId(): string | null;
  mutate<N extends MutationName>(name: N, args: MutationArgs<N>): unknown;
  newId(): string;
  staleAfterMs?: number;
}

export interface TimerWatch {
  /** Notes that the running timer (if any) runs now; nothing while a question waits for its answer. */
  beat(): void;
  /** A timer started or stopped here: beats at once while the app runs (the CLI leaves beating to the app). */
  changed(): void;
  /** The stale-timer question found when the engine opened, while it stands. */
  question(): StaleTimerQuestion | null;
  /** Answers it with a mutation (or, for `keep`, a fresh heartbeat): the timer running afterwards. */
  answer(entryId: string, answer: StaleAnswer): TimeEntry | null;
  start(): void;
  stop(): void;
}

/**
 * The timer's heartbeat (laptop-only table `timer_heartbeat`, migration 0009). The timer's start is
 * a mutation, so it survives anything; what a crash, a power cut or a night with the lid closed
 * loses is knowing when work stopped. At open, a running timer whose last heartbeat here is older
 * than STALE_AFTER_MS becomes a question: stop at the heartbeat, keep running, or split the gap off.
 * A timer with no heartbeat here (started on another laptop, or from the CLI while the app was
 * closed) asks nothing and starts beating.
 */
export function createTimerWatch(deps: TimerWatchDeps): TimerWatch {
  const { db, now } = deps;
  const staleAfter = deps.staleAfterMs ?? STALE_AFTER_MS;
  let pending: { entryId: string; heartbeat: string } | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  const iso = () => new Date(now()).toISOString();
  const running = (): TimeEntry | undefined => {
    const engineer = deps.engineerId();
    return engineer === null ? undefined : runningTimer(db, engineer);
  };

  const found = running();
  const last = found ? heartbeatOf(db, found.id) : undefined;
  if (found && last !== undefined && now() - Date.parse(last) > staleAfter) pending = { entryId: found.id, heartbeat: last };

  /** The question, if its timer still runs (it may have been stopped elsewhere and pulled). */
  function standing(): { entry: TimeEntry; heartbeat: string } | null {
    if (!pending) return null;
    const entry = getRowBy(db, 'timeEntries', 'id', pending.entryId);
    if (!entry || entry.endedAt !== null) {
      pending = null;
      return null;
    }
    return { entry, heartbeat: pending.heartbeat };
  }

  let started = false;

  /**
   * The tick. A heartbeat missed for longer than the stale threshold while the engine ran (the
   * machine slept with the app open) raises the same question as at open, instead of being covered.
   */
  function beat(): void {
    if (standing()) return;
    const entry = running();
    if (!entry) return clearHeartbeats(db);
    const last = heartbeatOf(db, entry.id);
    if (last !== undefined && now() - Date.parse(last) > staleAfter) pending = { entryId: entry.id, heartbeat: last };
    else writeHeartbeat(db, entry.id, iso());
  }

  return {
    beat,
    changed() {
      if (started) beat();
    },
    question() {
      const q = standing();
      if (!q) return null;
      const { fieldVersions: _, ...view } = q.entry;
      return {
        entry: { ...view, minutes: entryMinutes(q.entry, now()) },
        lastHeartbeatAt: q.heartbeat,
        gapMinutes: Math.max(0, Math.floor((now() - Date.parse(q.heartbeat)) / 60_000)),
        answers: ['stopAtHeartbeat', 'keep', 'splitGap'],
      };
    },
    answer(entryId, answer) {
      const q = standing();
      if (!q || q.entry.id !== entryId) throw new VangnetError('conflict', 'time.noQuestion', { id: entryId });
      let after: TimeEntry | null;
      if (answer === 'stopAtHeartbeat') {
        deps.mutate('timer.stop', { id: entryId, at: q.heartbeat });
        after = null;
      } else if (answer === 'splitGap') {
        const newId = deps.newId();
        deps.mutate('timer.split', { id: entryId, newId, at: q.heartbeat });
        after = getRowBy(db, 'timeEntries', 'id', newId) ?? null;
      } else after = q.entry;
      pending = null;
      const next = running();
      if (next) writeHeartbeat(db, next.id, iso());
      else clearHeartbeats(db);
      return after;
    },
    start() {
      started = true;
      beat();
      timer ??= setInterval(beat, HEARTBEAT_EVERY_MS);
      timer.unref?.();
    },
    stop() {
      started = false;
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
