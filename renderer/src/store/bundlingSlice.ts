import type { IncidentListRow } from '../../../shared/contract';
import type { BundlingSavingsView } from '../../../shared/contract/bundling';
import type { ErrorInfo } from '../../../shared/errors';
import { callEngine } from '../api/vangnet';
import { OPEN_STATUSES } from './incidentListSlice';
import { IDLE, type MutationState, type SliceCreator } from './types';

/** How many open tickets the "Merge into…" picker lists; the search narrows past that. */
const TARGETS_SHOWN = 50;

/** Ticket bundling (docs/billing.md, "Bundling"): the suggestion for the filtered client, and the merge. */
export interface BundlingSlice {
  suggestion: BundlingSavingsView | null;
  suggestionFor: string | null;
  merging: MutationState;
  loadSuggestion(clientId: string | null): Promise<void>;
  /** Merges `mergedIds` into `survivorId` and opens the survivor; false when refused (the reason stays in `merging.error`). */
  mergeTickets(survivorId: string, mergedIds: string[]): Promise<boolean>;
  /** "Merge into…": the client's other open tickets matching `search` (the ticket itself left out). */
  mergeTargets: IncidentListRow[];
  loadMergeTargets(clientId: string, excludeId: string, search: string): Promise<void>;
  /** What merging `mergedId` into `survivorId` saves (`bundling.preview`), or why it would be refused. */
  mergePreview: { key: string; view: BundlingSavingsView | null; error: ErrorInfo | null } | null;
  loadMergePreview(survivorId: string, mergedId: string): Promise<void>;
  clearMergeInto(): void;
  /** The survivor of the last merge, until its detail pane has taken the focus. */
  focusSurvivor: string | null;
  survivorFocused(): void;
}

export const createBundlingSlice: SliceCreator<BundlingSlice> = (set, get) => ({
  suggestion: null,
  suggestionFor: null,
  merging: IDLE,
  async loadSuggestion(clientId) {
    set({ suggestionFor: clientId });
    if (!clientId) return set({ suggestion: null });
    const result = await callEngine((api) => api.bundling.suggestion({ clientId }));
    if (get().suggestionFor !== clientId) return;
    set({ suggestion: result.ok ? result.value : null });
  },
  mergeTargets: [],
  async loadMergeTargets(clientId, excludeId, search) {
    const query = { clientId, statuses: [...OPEN_STATUSES], sort: 'opened' as const, limit: TARGETS_SHOWN + 1, ...(search.trim() ? { search: search.trim() } : {}) };
    const result = await callEngine((api) => api.incidents.list(query));
    if (result.ok) set({ mergeTargets: result.value.rows.filter((r) => r.id !== excludeId && r.mergedInto === null).slice(0, TARGETS_SHOWN) });
  },
  mergePreview: null,
  async loadMergePreview(survivorId, mergedId) {
    const key = `${survivorId}:${mergedId}`;
    set({ mergePreview: { key, view: null, error: null }, merging: IDLE });
    const result = await callEngine((api) => api.bundling.preview({ survivorId, mergedIds: [mergedId] }));
    if (get().mergePreview?.key !== key) return;
    set({ mergePreview: result.ok ? { key, view: result.value, error: null } : { key, view: null, error: result.error } });
  },
  focusSurvivor: null,
  survivorFocused() {
    set({ focusSurvivor: null });
  },
  clearMergeInto() {
    set({ mergeTargets: [], mergePreview: null, merging: IDLE });
  },
  async mergeTickets(survivorId, mergedIds) {
    set({ merging: { pending: true, error: null } });
    const result = await callEngine((api) => api.bundling.merge({ survivorId, mergedIds }));
    if (!result.ok) {
      set({ merging: { pending: false, error: result.error } });
      return false;
    }
    set({ merging: IDLE, suggestion: null, focusSurvivor: result.value.id });
    get().selectIncident(result.value.id, result.value);
    void get().loadSuggestion(get().suggestionFor);
    return true;
  },
});
