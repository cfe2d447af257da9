import type { IdleAnswered, IdleAnswerInput, IdleQuestion } from '../../shared/contract/idle';
import { IDLE_CHOICES } from '../../shared/contract/idle';
import type { TimeEntryView } from '../../shared/contract/time';
import { SETTINGS_ID, settingsView } from '../../shared/domain/settings';
import { entryMinutes, type TimeEntry } from '../../shared/domain/time';
import { VangnetError } from '../../shared/errors';
import type { MutationArgs, MutationName } from '../../shared/mutations/index';
import { getRowBy } from '../repos/rows';
import { runningTimer } from '../repos/timeEntries';
import type { Db } from '../store/database';

/** How often the engine reads the shell's idle seconds while the app runs. */
export const IDLE_POLL_MS = 15_000;

/**
 * The shell's seam: seconds since the last keyboard or mouse input on this machine, or null when
 * the shell cannot tell (the CLI, a web host without its test hook). Electron reads
 * `powerMonitor.getSystemIdleTime()`; the web host's `_testOnly` hook sets it in e2e tests.
 */
export interface IdleSource {
  seconds(): number | null;
}

export interface IdleWatchDeps {
  db: Db;
  now(): number;
  engineerId(): string | null;
  mutate<N extends MutationName>(name: N, args: MutationArgs<N>): unknown;
  newId(): string;
  source: IdleSource | null;
  /** True while the stale-heartbeat question stands: that question covers the gap first. */
  staleQuestionStands(): boolean;
  /** A new question: the engine pushes it to every window as `time.idle`. */
  asked(question: IdleQuestion): void;
  /** The timer changed by an answer: its heartbeat follows. */
  changed(): void;
}

export interface IdleWatch {
  /** Reads the idle seconds once and decides: idle started, came back (a question), or nothing. */
  check(): void;
  question(): IdleQuestion | null;
  answer(input: IdleAnswerInput): IdleAnswered;
  start(): void;
  stop(): void;
}

const MIN = 60_000;
/** Idle seconds come whole (Electron's are integers): a later last input within this is the same one. */
const JITTER_MS = 2_000;

/**
 * Idle detection (docs/time.md, "Idle"). A stretch starts when the machine has had no input for at
 * least the team's threshold while this engineer's timer runs (idle before the timer's start does
 * not count); when input comes back, the stretch becomes one question. The engine holds it until it
 * is answered, so a reloaded window asks for it again; a stretch is asked about once.
 */
export function createIdleWatch(deps: IdleWatchDeps): IdleWatch {
  const { db, now } = deps;
  let stretch: { entryId: string; from: number } | null = null;
  let pending: { entryId: string; from: number; returned: number } | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  const iso = (ms: number) => new Date(ms).toISOString();
  const running = (): TimeEntry | undefined => {
    const engineer = deps.engineerId();
    return engineer === null ? undefined : runningTimer(db, engineer);
  };
  const view = (entry: TimeEntry): TimeEntryView => {
    const { fieldVersions: _, ...rest } = entry;
    return { ...rest, minutes: entryMinutes(entry, now()) };
  };

  /** The question, while its timer still runs (it may have been stopped elsewhere and pulled). */
  function standing(): { entry: TimeEntry; from: number; returned: number } | null {
    if (!pending) return null;
    const entry = getRowBy(db, 'timeEntries', 'id', pending.entryId);
    if (!entry || entry.endedAt !== null) {
      pending = null;
      return null;
    }
    return { entry, from: pending.from, returned: pending.returned };
  }

  function question(): IdleQuestion | null {
    const q = standing();
    if (!q) return null;
    return {
      entry: view(q.entry),
      idleFrom: iso(q.from),
      returnedAt: iso(q.returned),
      idleMinutes: Math.floor((q.returned - q.from) / MIN),
      choices: [...IDLE_CHOICES],
    };
  }

  function check(): void {
    if (standing() || deps.staleQuestionStands()) return;
    const seconds = deps.source?.seconds() ?? null;
    const settings = settingsView(getRowBy(db, 'settings', 'id', SETTINGS_ID));
    const entry = running();
    if (seconds === null || !Number.isFinite(seconds) || seconds < 0 || !entry || !settings.idleDetection) {
      stretch = null;
      return;
    }
    const nowMs = now();
    const lastInput = nowMs - Math.round(seconds * 1000);
    const threshold = settings.idleThresholdMinutes * MIN;
    // Idle before the timer started is not the timer's time (it was started here, or elsewhere).
    const from = Math.max(lastInput, Date.parse(entry.startedAt));
    if (stretch && stretch.entryId !== entry.id) stretch = null;
    if (stretch && lastInput - stretch.from > JITTER_MS) {
      // Input came back (even if the machine is idle again by now): one question for the stretch,
      // which is forgotten so it is never asked twice.
      pending = { entryId: entry.id, from: stretch.from, returned: lastInput };
      stretch = null;
    } else {
      if (nowMs - from >= threshold) stretch = { entryId: entry.id, from: Math.min(stretch?.from ?? from, from) };
      return;
    }
    const asked = question();
    if (asked) deps.asked(asked);
  }

  function answer(input: IdleAnswerInput): IdleAnswered {
    const q = standing();
    if (!q || q.entry.id !== input.entryId || iso(q.from) !== new Date(input.idleFrom).toISOString())
      throw new VangnetError('conflict', 'time.noIdleQuestion', { id: input.entryId });
    // A stop exactly at the start is refused (an entry ends after it starts): a second in, it bills nothing.
    const at = iso(Math.max(q.from, Date.parse(q.entry.startedAt) + 1000));
    let booked: TimeEntry | undefined;
    const choice = input.choice;
    if (choice === 'discard') deps.mutate('timer.stop', { id: q.entry.id, at });
    else if (choice === 'discardContinue') deps.mutate('timer.split', { id: q.entry.id, newId: deps.newId(), at });
    else if (choice === 'separate') {
      const id = deps.newId();
      // Booked first: a refused target (unknown, another client) leaves the timer as it was.
      deps.mutate('time.log', {
        id,
        engineerId: q.entry.engineerId,
        incidentId: input.target?.incidentId ?? null,
        clientId: input.target?.clientId ?? null,
        startedAt: at,
        minutes: Math.max(1, Math.floor((q.returned - Date.parse(at)) / MIN)),
        note: '',
        billable: true,
      });
      booked = getRowBy(db, 'timeEntries', 'id', id);
      deps.mutate('timer.split', { id: q.entry.id, newId: deps.newId(), at });
    } else if (choice !== 'keep') throw new VangnetError('invalid_args', 'time.idleChoice', { choice: String(choice satisfies never) });
    pending = null;
    deps.changed();
    const after = running();
    return { running: after ? view(after) : null, booked: booked ? view(booked) : null };
  }

  return {
    check,
    question,
    answer,
    start() {
      check();
      timer ??= setInterval(check, IDLE_POLL_MS);
      timer.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
