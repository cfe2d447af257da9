import type { StaleTimerQuestion, TimeEntryView } from '../../../shared/contract/time';
import type { ErrorInfo } from '../../../shared/errors';
import { callEngine } from '../api/vangnet';
import { timerKeyAction } from '../lib/timerText';
import type { SliceCreator } from './types';

type StaleAnswer = StaleTimerQuestion['answers'][number];

/** What the running timer is on, as the status bar names it. */
export interface TimerTarget {
  clientCode: string;
  incidentTitle: string | null;
}

export interface TimerSlice {
  /** This laptop's engineer's running timer (the engine's, never counted here), or null. */
  running: TimeEntryView | null;
  runningTarget: TimerTarget | null;
  /** A start, stop or answer on its way, or the last one refused. */
  timerAction: { pending: 'start' | 'stop' | 'answer' | null; error: ErrorInfo | null; failed: 'start' | 'stop' | 'answer' | null };
  /** The engine's stale-timer question, while it stands: the dialog that must be answered. */
  staleQuestion: StaleTimerQuestion | null;
  loadTimer(): Promise<void>;
  loadStaleQuestion(): Promise<void>;
  startTimer(target: { incidentId: string } | { clientId: string }): Promise<boolean>;
  /** Stops the running timer; past 24 hours it first asks (`longStop`) unless `confirmed`. */
  stopTimer(confirmed?: boolean): Promise<boolean>;
  /** A stop of a timer that ran over 24 hours, waiting for the engineer's confirmation. */
  longStop: boolean;
  cancelLongStop(): void;
  /** The keyboard shortcut: start on the selected incident, or stop the timer running there. */
  toggleTimer(): Promise<boolean>;
  answerStaleQuestion(answer: StaleAnswer): Promise<boolean>;
  dismissTimerError(): void;
}

/** A timer may run up to a week (the engine's limit), but past a day it is likely forgotten: ask before booking it. */
export const LONG_TIMER_MS = 24 * 60 * 60_000;

const IDLE_ACTION: TimerSlice['timerAction'] = { pending: null, error: null, failed: null };

export const createTimerSlice: SliceCreator<TimerSlice> = (set, get) => {
  /** Names the timer's incident (its title and client) or client; the last asked wins. */
  async function resolveTarget(entry: TimeEntryView | null): Promise<void> {
    if (!entry) return set({ runningTarget: null });
    const incidentId = entry.incidentId;
    if (incidentId) {
      const detail = await callEngine((api) => api.incidents.get({ id: incidentId }));
      if (get().running?.id !== entry.id) return;
      if (detail.ok) return set({ runningTarget: { clientCode: detail.value.clientCode, incidentTitle: detail.value.title } });
    }
    const client = get().clients.find((c) => c.id === entry.clientId);
    set({ runningTarget: { clientCode: client?.code ?? '', incidentTitle: null } });
  }

  function setRunning(entry: TimeEntryView | null): void {
    const same = get().running?.id === entry?.id;
    set({ running: entry });
    if (!same) void resolveTarget(entry);
  }

  async function act(kind: 'start' | 'stop', run: () => ReturnType<typeof callEngine<TimeEntryView>>): Promise<boolean> {
    if (get().timerAction.pending) return false;
    set({ timerAction: { pending: kind, error: null, failed: null } });
    const result = await run();
    if (!result.ok) {
      set({ timerAction: { pending: null, error: result.error, failed: kind } });
      return false;
    }
    set({ timerAction: IDLE_ACTION });
    setRunning(kind === 'start' ? result.value : null);
    return true;
  }

  return {
    running: null,
    runningTarget: null,
    timerAction: IDLE_ACTION,
    staleQuestion: null,
    longStop: false,
    async loadTimer() {
      const result = await callEngine((api) => api.time.running({}));
      if (result.ok) setRunning(result.value);
    },
    async loadStaleQuestion() {
      const result = await callEngine((api) => api.time.question({}));
      if (result.ok) set({ staleQuestion: result.value });
    },
    startTimer(target) {
      return act('start', () => callEngine((api) => api.time.start(target)));
    },
    stopTimer(confirmed = false) {
      const running = get().running;
      if (!confirmed && running && Date.now() - Date.parse(running.startedAt) > LONG_TIMER_MS) {
        set({ longStop: true });
        return Promise.resolve(false);
      }
      set({ longStop: false });
      return act('stop', () => callEngine((api) => api.time.stop({})));
    },
    cancelLongStop() {
      set({ longStop: false });
    },
    toggleTimer() {
      const action = timerKeyAction(get().running, get().selectedId);
      if (action.do === 'start') return get().startTimer({ incidentId: action.incidentId });
      if (action.do === 'stop') return get().stopTimer();
      return Promise.resolve(false);
    },
    async answerStaleQuestion(answer) {
      const question = get().staleQuestion;
      if (!question || get().timerAction.pending) return false;
      set({ timerAction: { pending: 'answer', error: null, failed: null } });
      const result = await callEngine((api) => api.time.answer({ entryId: question.entry.id, answer }));
      if (!result.ok) {
        set({ timerAction: { pending: null, error: result.error, failed: 'answer' } });
        // Answered elsewhere (the timer was stopped on another laptop): the question may be gone.
        void get().loadStaleQuestion();
        return false;
      }
      set({ timerAction: IDLE_ACTION, staleQuestion: null });
      setRunning(result.value);
      return true;
    },
    dismissTimerError() {
      set({ timerAction: IDLE_ACTION });
    },
  };
};
