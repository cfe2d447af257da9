import type { IncidentDetail, VangnetApi } from '../../../shared/contract';
import type { Category, IncidentStatus, Priority } from '../../../shared/domain/incident';
import type { Result } from '../../../shared/errors';
import { callEngine } from '../api/vangnet';
import { IDLE, type MutationState, type SliceCreator } from './types';

export type IncidentActionKind = 'status' | 'reply' | 'note' | 'assign' | 'category' | 'priority';
export type ComposerMode = 'reply' | 'note';

export interface ComposerDraft {
  mode: ComposerMode;
  body: string;
}

export const EMPTY_DRAFT: ComposerDraft = { mode: 'reply', body: '' };

export interface IncidentActionsSlice {
  /** The last lifecycle action on the selected incident: pending, or refused with the engine's reason. */
  incidentAction: MutationState & { kind: IncidentActionKind | null };
  /** Half-written replies and notes per incident: switching incidents or a refusal loses nothing. */
  drafts: Record<string, ComposerDraft>;
  acknowledge(): Promise<boolean>;
  changeStatus(to: IncidentStatus): Promise<boolean>;
  changePriority(priority: Priority): Promise<boolean>;
  assignIncident(assigneeId: string | null): Promise<boolean>;
  categorise(category: Category | null): Promise<boolean>;
  setDraft(incidentId: string, draft: ComposerDraft): void;
  /** Sends the selected incident's draft as a client-visible reply or an internal note. */
  sendDraft(): Promise<boolean>;
  dismissActionError(): void;
}

export const createIncidentActionsSlice: SliceCreator<IncidentActionsSlice> = (set, get) => {
  /** Runs one action on the selected incident; a refusal stays on screen until the next action. */
  async function run(
    kind: IncidentActionKind,
    call: (api: VangnetApi, id: string) => Promise<Result<IncidentDetail>>,
  ): Promise<boolean> {
    const id = get().selectedId;
    if (!id || get().incidentAction.pending) return false;
    set({ incidentAction: { pending: true, error: null, kind } });
    const result = await callEngine((api) => call(api, id));
    if (get().selectedId !== id) return result.ok;
    if (!result.ok) {
      set({ incidentAction: { pending: false, error: result.error, kind } });
      return false;
    }
    set({ incidentAction: { ...IDLE, kind: null }, detail: result.value });
    // The timeline and the change log grew; data.changed refreshes the list.
    void get().refreshActivity();
    return true;
  }

  return {
    incidentAction: { ...IDLE, kind: null },
    drafts: {},
    acknowledge() {
      return run('status', (api, id) => api.incidents.acknowledge({ id }));
    },
    changeStatus(to) {
      return run('status', (api, id) => api.incidents.setStatus({ id, to }));
    },
    changePriority(priority) {
      if (get().detail?.priority === priority) return Promise.resolve(true);
      return run('priority', (api, id) => api.incidents.update({ id, priority }));
    },
    assignIncident(assigneeId) {
      return run('assign', (api, id) => api.incidents.assign({ id, assigneeId }));
    },
    categorise(category) {
      return run('category', (api, id) => api.incidents.setCategory({ id, category }));
    },
    setDraft(incidentId, draft) {
      set((s) => ({ drafts: { ...s.drafts, [incidentId]: draft } }));
    },
    async sendDraft() {
      const id = get().selectedId;
      if (!id) return false;
      const draft = get().drafts[id] ?? EMPTY_DRAFT;
      const body = draft.body;
      const ok = await run(draft.mode, (api, incidentId) =>
        draft.mode === 'reply'
          ? api.incidents.reply({ id: incidentId, body })
          : api.incidents.note({ id: incidentId, body }),
      );
      // Only what was sent is cleared: text typed while it was on its way stays.
      if (ok && get().drafts[id]?.body === body) get().setDraft(id, { mode: draft.mode, body: '' });
      return ok;
    },
    dismissActionError() {
      set({ incidentAction: { ...IDLE, kind: null } });
    },
  };
};
