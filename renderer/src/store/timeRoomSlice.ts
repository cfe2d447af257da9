import type { TimeEntryView, TimeList } from '../../../shared/contract/time';
import type { ErrorInfo } from '../../../shared/errors';
import { callEngine } from '../api/vangnet';
import { TIME_ZONE } from '../i18n/format';
import { todayIn, wallToIso } from '../lib/zonedTime';
import { periodOf, shiftPeriod, type TimeView } from '../rooms/time/timePeriod';
import { IDLE, type LoadStatus, type MutationState, type SliceCreator } from './types';

export interface TimeRoomSlice {
  timeView: TimeView;
  /** The local day the view is on (`YYYY-MM-DD`, Europe/Amsterdam); a week view shows its week. */
  timeDay: string;
  timeList: TimeList | null;
  timeListStatus: LoadStatus;
  timeListError: ErrorInfo | null;
  /** Incident titles for the entries' incidents, read once each. */
  incidentTitles: Record<string, string>;
  setTimeView(view: TimeView): void;
  shiftTimeDay(step: -1 | 1): void;
  timeToday(): void;
  loadTimeList(): Promise<void>;
  /** The manual entry form's submit: pending, or refused with the engine's reason and field issues. */
  timeLog: MutationState;
  /** Logs a finished entry by hand (`time.log`); `start` is a local `YYYY-MM-DDTHH:mm` in the team's zone. */
  logTime(input: { clientId: string; start: string; minutes: number; note: string; engineerId?: string; confirmLong?: boolean }): Promise<boolean>;
  /** The engineer's entries the last logged one overlaps: a warning, the entry is saved. */
  timeLogOverlaps: TimeEntryView[];
  clearTimeLogOverlaps(): void;
  /** Shows one day (`YYYY-MM-DD`) in the day view: where an overlapping entry is. */
  showTimeDay(day: string): Promise<void>;
}

export const createTimeRoomSlice: SliceCreator<TimeRoomSlice> = (set, get) => {
  async function nameIncidents(list: { entries: readonly { incidentId: string | null }[] }): Promise<void> {
    const missing = [...new Set(list.entries.map((e) => e.incidentId))].filter(
      (id): id is string => id !== null && get().incidentTitles[id] === undefined,
    );
    for (const id of missing) {
      const result = await callEngine((api) => api.incidents.get({ id }));
      if (result.ok) set((s) => ({ incidentTitles: { ...s.incidentTitles, [id]: result.value.title } }));
    }
  }

  return {
    timeView: 'day',
    timeDay: todayIn(TIME_ZONE),
    timeList: null,
    timeListStatus: 'idle',
    timeListError: null,
    incidentTitles: {},
    timeLog: IDLE,
    timeLogOverlaps: [],
    clearTimeLogOverlaps() {
      set({ timeLogOverlaps: [] });
    },
    async showTimeDay(day) {
      set({ timeView: 'day', timeDay: day });
      await get().loadTimeList();
    },
    async logTime({ clientId, start, minutes, note, engineerId, confirmLong }) {
      if (get().timeLog.pending) return false;
      // An unreadable start goes to the engine as it is: its refusal names the field, like every other.
      const startedAt = wallToIso(start, TIME_ZONE) ?? start;
      set({ timeLog: { pending: true, error: null }, timeLogOverlaps: [] });
      const result = await callEngine((api) =>
        api.time.log({
          clientId,
          startedAt,
          minutes,
          ...(note.trim() ? { note: note.trim() } : {}),
          ...(engineerId ? { engineerId } : {}),
          ...(confirmLong ? { confirmLong: true } : {}),
        }),
      );
      if (!result.ok) set({ timeLog: { pending: false, error: result.error } });
      else set({ timeLog: IDLE, timeLogOverlaps: result.value.overlapping });
      void nameIncidents({ entries: result.ok ? result.value.overlapping : [] });
      // data.changed brings the entry into the list when the Time room is open.
      return result.ok;
    },
    setTimeView(view) {
      set({ timeView: view });
      void get().loadTimeList();
    },
    shiftTimeDay(step) {
      set({ timeDay: shiftPeriod(get().timeView, get().timeDay, step) });
      void get().loadTimeList();
    },
    timeToday() {
      set({ timeDay: todayIn(TIME_ZONE) });
      void get().loadTimeList();
    },
    async loadTimeList() {
      const engineerId = get().timeEngineer ?? get().profile?.engineerId;
      if (!engineerId) return;
      const { timeView, timeDay } = get();
      set({ timeListStatus: 'loading' });
      // Which months are closed travels with the list: a close or reopen (here or pulled) refreshes both.
      void get().loadMonthRows();
      const result = await callEngine((api) =>
        api.time.list({ engineerId, ...periodOf(timeView, timeDay), timeZone: TIME_ZONE, limit: 500 }),
      );
      // A newer period was asked for meanwhile: its answer wins.
      if (get().timeView !== timeView || get().timeDay !== timeDay) return;
      if (!result.ok) return set({ timeListStatus: 'error', timeListError: result.error });
      set({ timeList: result.value, timeListStatus: 'ready', timeListError: null });
      void nameIncidents(result.value);
    },
  };
};
