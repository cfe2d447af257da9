import type { MonthCloseView } from '../../../shared/contract/month';
import type { ErrorInfo } from '../../../shared/errors';
import { callEngine } from '../api/vangnet';
import { TIME_ZONE } from '../i18n/format';
import { wallToIso } from '../lib/zonedTime';
import { IDLE, type MutationState, type SliceCreator } from './types';

export interface TimePeople {
  me: string;
  canChangeOthers: boolean;
  engineers: { id: string; name: string }[];
}

/** What the edit dialog sends: local `YYYY-MM-DDTHH:mm` times in the team's zone, and a reason. */
export interface EntryEdit {
  id: string;
  start: string;
  end: string | null;
  note: string;
  billable: boolean;
  reason: string;
  /** The engineer confirmed a span over a day. */
  confirmLong?: boolean;
}

export interface TimeEntriesSlice {
  /** Whose time the Time room shows: null is this laptop's engineer. */
  timeEngineer: string | null;
  timePeople: TimePeople | null;
  loadTimePeople(): Promise<void>;
  setTimeEngineer(id: string): void;
  /** The edit or delete dialog's submit: pending, or refused with the engine's reason and field issues. */
  entryChange: MutationState;
  clearEntryChange(): void;
  /** Sends only what changed (`time.update`); true when saved. */
  editEntry(edit: EntryEdit, before: { startedAt: string; endedAt: string | null; note: string; billable: boolean }): Promise<boolean>;
  deleteEntry(id: string, reason: string): Promise<boolean>;
  monthClose: MutationState & { done: string | null };
  closeMonth(clientId: string, month: string): Promise<void>;
  /** Every client's month rows (closed, or reopened with a reason), as `month.list` answers. */
  monthRows: MonthCloseView[];
  loadMonthRows(): Promise<void>;
  /** The reopen dialog's submit (`month.reopen`, a lead's, with a reason); true when reopened. */
  monthReopen: MutationState;
  reopenMonth(clientId: string, month: string, reason: string): Promise<boolean>;
  clearMonthReopen(): void;
}

const failed = (error: ErrorInfo): MutationState => ({ pending: false, error });

export const createTimeEntriesSlice: SliceCreator<TimeEntriesSlice> = (set, get) => ({
  timeEngineer: null,
  timePeople: null,
  entryChange: IDLE,
  monthClose: { ...IDLE, done: null },
  monthRows: [],
  monthReopen: IDLE,
  async loadMonthRows() {
    const result = await callEngine((api) => api.month.list({}));
    if (result.ok) set({ monthRows: result.value });
  },
  async reopenMonth(clientId, month, reason) {
    if (get().monthReopen.pending) return false;
    set({ monthReopen: { pending: true, error: null } });
    const result = await callEngine((api) => api.month.reopen({ clientId, month, reason }));
    set({ monthReopen: result.ok ? IDLE : failed(result.error), monthClose: { ...IDLE, done: null } });
    if (result.ok) void get().loadTimeList();
    return result.ok;
  },
  clearMonthReopen() {
    set({ monthReopen: IDLE });
  },
  async loadTimePeople() {
    const result = await callEngine((api) => api.time.people({}));
    if (result.ok) set({ timePeople: result.value });
  },
  setTimeEngineer(id) {
    set({ timeEngineer: id === get().timePeople?.me ? null : id });
    void get().loadTimeList();
  },
  clearEntryChange() {
    set({ entryChange: IDLE });
  },
  async editEntry(edit, before) {
    if (get().entryChange.pending) return false;
    // An unreadable time goes to the engine as typed: its refusal names the field.
    const startedAt = wallToIso(edit.start, TIME_ZONE) ?? edit.start;
    const endedAt = edit.end === null ? undefined : (wallToIso(edit.end, TIME_ZONE) ?? edit.end);
    const changed = {
      ...(startedAt !== before.startedAt ? { startedAt } : {}),
      ...(endedAt !== undefined && endedAt !== before.endedAt ? { endedAt } : {}),
      ...(edit.note !== before.note ? { note: edit.note } : {}),
      ...(edit.billable !== before.billable ? { billable: edit.billable } : {}),
    };
    set({ entryChange: { pending: true, error: null } });
    const result = await callEngine((api) => api.time.update({ id: edit.id, reason: edit.reason, ...changed, ...(edit.confirmLong ? { confirmLong: true } : {}) }));
    set({ entryChange: result.ok ? IDLE : failed(result.error) });
    return result.ok;
  },
  async deleteEntry(id, reason) {
    if (get().entryChange.pending) return false;
    set({ entryChange: { pending: true, error: null } });
    const result = await callEngine((api) => api.time.delete({ id, reason }));
    set({ entryChange: result.ok ? IDLE : failed(result.error) });
    return result.ok;
  },
  async closeMonth(clientId, month) {
    set({ monthClose: { pending: true, error: null, done: null } });
    const result = await callEngine((api) => api.month.close({ clientId, month }));
    set({ monthClose: result.ok ? { ...IDLE, done: month } : { ...failed(result.error), done: null } });
    if (result.ok) void get().loadTimeList();
  },
});
