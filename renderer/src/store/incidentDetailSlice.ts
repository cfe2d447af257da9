import type { IncidentDetail } from '../../../shared/contract';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { Category, Priority } from '../../../shared/domain/incident';
import type { TimelineEntry } from '../../../shared/domain/lifecycle';
import type { ErrorInfo } from '../../../shared/errors';
import type { ErrorValue } from '../../../shared/sync/errorCode';
import { callEngine } from '../api/vangnet';
import { IDLE, type LoadStatus, type MutationState, type SliceCreator } from './types';

/** How long the older history may take before the change log says it is loading it. */
const LOADING_DELAY_MS = 250;

export interface NewIncidentInput {
  clientId: string;
  title: string;
  description: string;
  priority: Priority;
  category: Category | null;
}

export interface IncidentEdit {
  title: string;
  description: string;
  priority: Priority;
}

export interface IncidentDetailSlice {
  selectedId: string | null;
  detail: IncidentDetail | null;
  detailStatus: LoadStatus;
  detailError: ErrorInfo | null;
  audit: AuditEntry[];
  auditStatus: LoadStatus;
  /**
   * The office server's older history of the selected incident (a laptop paired after it was made
   * lacks it): being fetched, all here, or not (offline: `incomplete`; refused or unverifiable: `failed`).
   */
  olderHistory: 'idle' | 'loading' | 'complete' | 'incomplete' | 'failed';
  /** Why older history is missing, as an error value the screen renders in its language. */
  olderHistoryProblem: ErrorValue | null;
  /** Status changes, replies, notes, assignments… oldest first, as the engine orders them. */
  timeline: TimelineEntry[];
  timelineStatus: LoadStatus;
  editing: boolean;
  incidentCreate: MutationState;
  incidentUpdate: MutationState;
  /** Opens an incident; `known` is its detail when the caller has it already (just created). */
  selectIncident(id: string | null, known?: IncidentDetail): void;
  /** Reads the selected incident again: its detail (clocks explained in the language on screen) and its activity. */
  refreshDetail(): Promise<void>;
  /** Reads the selected incident's timeline and change log again (after an action answered with the detail). */
  refreshActivity(): Promise<void>;
  /**
   * Fetches the selected incident's older history from the office server if this laptop may lack it.
   * `quiet`: a retry in the background (the server is back), which doesn't show "loading".
   */
  fetchOlderHistory(options?: { quiet?: boolean }): Promise<void>;
  setEditing(editing: boolean): void;
  createIncident(input: NewIncidentInput): Promise<IncidentDetail | null>;
  resetIncidentCreate(): void;
  updateIncident(edit: IncidentEdit): Promise<boolean>;
}

export const createIncidentDetailSlice: SliceCreator<IncidentDetailSlice> = (set, get) => ({
  selectedId: null,
  detail: null,
  detailStatus: 'idle',
  detailError: null,
  audit: [],
  auditStatus: 'idle',
  olderHistory: 'idle',
  olderHistoryProblem: null,
  timeline: [],
  timelineStatus: 'idle',
  editing: false,
  incidentCreate: IDLE,
  incidentUpdate: IDLE,
  selectIncident(id, known) {
    if (id === get().selectedId) return;
    const have = known !== undefined && known.id === id;
    set({
      selectedId: id,
      detail: have ? known : null,
      audit: [],
      timeline: [],
      editing: false,
      incidentUpdate: IDLE,
      incidentAction: { ...IDLE, kind: null },
      detailStatus: have ? 'ready' : id ? 'loading' : 'idle',
      detailError: null,
      auditStatus: 'idle',
      olderHistory: 'idle',
      olderHistoryProblem: null,
      timelineStatus: 'idle',
    });
    if (have) void get().refreshActivity();
    else if (id) void get().refreshDetail();
    if (id) void get().fetchOlderHistory();
  },
  async refreshDetail() {
    const id = get().selectedId;
    if (!id) return;
    const [detail] = await Promise.all([callEngine((api) => api.incidents.get({ id })), get().refreshActivity()]);
    if (get().selectedId !== id) return; // the engineer moved on meanwhile
    if (detail.ok) set({ detail: detail.value, detailStatus: 'ready', detailError: null });
    else set({ detailStatus: 'error', detailError: detail.error });
  },
  async refreshActivity() {
    const id = get().selectedId;
    if (!id) return;
    if (get().auditStatus !== 'ready') set({ auditStatus: 'loading' });
    if (get().timelineStatus !== 'ready') set({ timelineStatus: 'loading' });
    const [audit, timeline] = await Promise.all([
      callEngine((api) => api.audit.forEntity({ entityId: id })),
      callEngine((api) => api.incidents.timeline({ id })),
    ]);
    if (get().selectedId !== id) return;
    if (audit.ok) set({ audit: audit.value, auditStatus: 'ready' });
    else set({ auditStatus: 'error' });
    if (timeline.ok) set({ timeline: timeline.value, timelineStatus: 'ready' });
    else set({ timelineStatus: 'error' });
  },
  async fetchOlderHistory(options) {
    const id = get().selectedId;
    if (!id) return;
    // Mostly answered at once (fetched before, or never paired): say "loading" only when it takes a while,
    // or straight away for a retry the engineer asked for.
    const showLoading = () => {
      if (get().selectedId === id && get().olderHistory !== 'complete') set({ olderHistory: 'loading', olderHistoryProblem: null });
    };
    const retry = get().olderHistory === 'incomplete' || get().olderHistory === 'failed';
    if (retry && !options?.quiet) showLoading();
    const timer = retry ? undefined : setTimeout(showLoading, LOADING_DELAY_MS);
    const result = await callEngine((api) => api.audit.fetchHistory({ entityId: id }));
    clearTimeout(timer);
    if (get().selectedId !== id) return;
    if (!result.ok) {
      set({ olderHistory: 'failed', olderHistoryProblem: result.error });
      return;
    }
    const { fetched, complete, problem } = result.value;
    set({ olderHistory: complete ? 'complete' : 'incomplete', olderHistoryProblem: problem });
    if (fetched > 0) await get().refreshActivity();
  },
  setEditing(editing) {
    set({ editing, incidentUpdate: IDLE });
  },
  async createIncident(input) {
    set({ incidentCreate: { pending: true, error: null } });
    const result = await callEngine((api) =>
      api.incidents.create({
        clientId: input.clientId,
        title: input.title,
        priority: input.priority,
        ...(input.description.trim() ? { description: input.description } : {}),
        ...(input.category ? { category: input.category } : {}),
      }),
    );
    if (!result.ok) {
      set({ incidentCreate: { pending: false, error: result.error } });
      return null;
    }
    set({ incidentCreate: IDLE });
    get().selectIncident(result.value.id, result.value);
    return result.value;
  },
  resetIncidentCreate() {
    set({ incidentCreate: IDLE });
  },
  async updateIncident(edit) {
    const current = get().detail;
    if (!current) return false;
    // Send only what changed: each field merges last-writer-wins, so untouched fields stay out.
    const changes: { title?: string; description?: string; priority?: Priority } = {};
    if (edit.title !== current.title) changes.title = edit.title;
    if (edit.description !== current.description) changes.description = edit.description;
    if (edit.priority !== current.priority) changes.priority = edit.priority;
    if (Object.keys(changes).length === 0) {
      set({ editing: false });
      return true;
    }
    set({ incidentUpdate: { pending: true, error: null } });
    const result = await callEngine((api) => api.incidents.update({ id: current.id, ...changes }));
    if (!result.ok) {
      set({ incidentUpdate: { pending: false, error: result.error } });
      return false;
    }
    if (get().selectedId !== current.id) return true;
    set({ incidentUpdate: IDLE, editing: false, detail: result.value });
    void get().refreshActivity();
    return true;
  },
});
