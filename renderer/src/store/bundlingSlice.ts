import type { BundlingSavingsView } from '../../../shared/contract/bundling';
import { callEngine } from '../api/vangnet';
import { IDLE, type MutationState, type SliceCreator } from './types';

/** Ticket bundling (docs/billing.md, "Bundling"): the suggestion for the filtered client, and the merge. */
export interface BundlingSlice {
  suggestion: BundlingSavingsView | null;
  suggestionFor: string | null;
  merging: MutationState;
  loadSuggestion(clientId: string | null): Promise<void>;
  /** Merges `mergedIds` into `survivorId` and opens the survivor; false when refused (the reason stays in `merging.error`). */
  mergeTickets(survivorId: string, mergedIds: string[]): Promise<boolean>;
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
  async mergeTickets(survivorId, mergedIds) {
    set({ merging: { pending: true, error: null } });
    const result = await callEngine((api) => api.bundling.merge({ survivorId, mergedIds }));
    if (!result.ok) {
      set({ merging: { pending: false, error: result.error } });
      return false;
    }
    set({ merging: IDLE, suggestion: null });
    get().selectIncident(result.value.id, result.value);
    void get().loadSuggestion(get().suggestionFor);
    return true;
  },
});
