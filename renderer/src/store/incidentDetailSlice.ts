import type { IncidentDetail } from '../../../shared/contract';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { Category, Priority } from '../../../shared/domain/incident';
import type { TimelineEntry } from '../../../shared/domain/lifecycle';
import type { ErrorInfo } from '../../../shared/errors';
import { callEngine } from '../api/vangnet';
import { inLanguage } from './incidentActionsSlice';
import { IDLE, type LoadStatus, type MutationState, type SliceCreator } from './types';

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
  /** Status changes, replies, notes, assignments… oldest first, as the engine orders them. */
  timeline: TimelineEntry[];
  timelineStatus: LoadStatus;
  editing: boolean;
  incidentCreate: MutationState;
  incidentUpdate: MutationState;
  selectIncident(id: string | null): void;
  refreshDetail(): Promise<void>;
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
  timeline: [],
  timelineStatus: 'idle',
  editing: false,
  incidentCreate: IDLE,
  incidentUpdate: IDLE,
  selectIncident(id) {
    if (id === get().selectedId) return;
    set({
      selectedId: id,
      detail: null,
      audit: [],
      timeline: [],
      editing: false,
      incidentUpdate: IDLE,
      incidentAction: { ...IDLE, kind: null },
      detailStatus: id ? 'loading' : 'idle',
      auditStatus: 'idle',
      timelineStatus: 'idle',
    });
    if (id) void get().refreshDetail();
  },
  async refreshDetail() {
    const id = get().selectedId;
    if (!id) return;
    if (get().auditStatus !== 'ready') set({ auditStatus: 'loading' });
    if (get().timelineStatus !== 'ready') set({ timelineStatus: 'loading' });
    // The clocks' explanations come in the language on screen.
    const locale = get().language;
    const [detail, audit, timeline] = await Promise.all([
      callEngine((api) => api.incidents.get({ id, locale })),
      callEngine((api) => api.audit.forEntity({ entityId: id })),
      callEngine((api) => api.incidents.timeline({ id })),
    ]);
    if (get().selectedId !== id) return; // the engineer moved on meanwhile
    if (detail.ok) set({ detail: detail.value, detailStatus: 'ready', detailError: null });
    else set({ detailStatus: 'error', detailError: detail.error });
    if (audit.ok) set({ audit: audit.value, auditStatus: 'ready' });
    else set({ auditStatus: 'error' });
    if (timeline.ok) set({ timeline: timeline.value, timelineStatus: 'ready' });
    else set({ timelineStatus: 'error' });
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
    get().selectIncident(result.value.id);
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
    set({ incidentUpdate: IDLE, editing: false, detail: inLanguage(result.value, get().language) });
    void get().refreshDetail();
    return true;
  },
});
