import type { VangnetApi } from '../../../shared/contract';
import type { ScopeState } from '../../../shared/contract/changeRequests';
import type { ChangeRequestStatus } from '../../../shared/domain/changeRequest';
import type { Category } from '../../../shared/domain/incident';
import type { ErrorInfo, Result } from '../../../shared/errors';
import { callEngine } from '../api/vangnet';
import type { SliceCreator } from './types';

type SupportCategory = Exclude<Category, 'new_functionality'>;

/** The selected incident's place on the scope line and its change request (docs/billing.md). */
export interface ChangeRequestSlice {
  scope: ScopeState | null;
  /** An action on its way, or the last one refused; the card keeps what was typed on a refusal. */
  scopeAction: { pending: boolean; error: ErrorInfo | null };
  loadScope(): Promise<void>;
  convertToChangeRequest(amounts: { estimateMinutes?: number; quoteCents?: number }): Promise<boolean>;
  convertToSupport(category: SupportCategory): Promise<boolean>;
  updateChangeRequest(amounts: { estimateMinutes?: number | null; quoteCents?: number | null }): Promise<boolean>;
  setChangeRequestStatus(to: ChangeRequestStatus): Promise<boolean>;
  dismissScopeError(): void;
}

export const createChangeRequestSlice: SliceCreator<ChangeRequestSlice> = (set, get) => {
  async function act(run: (api: VangnetApi, id: string) => Promise<Result<ScopeState>>): Promise<boolean> {
    const id = get().selectedId;
    if (!id || get().scopeAction.pending) return false;
    set({ scopeAction: { pending: true, error: null } });
    const result = await callEngine((api) => run(api, id));
    if (!result.ok) {
      set({ scopeAction: { pending: false, error: result.error } });
      return false;
    }
    set({ scope: result.value, scopeAction: { pending: false, error: null } });
    // The category (and the timeline entry of its change) moved with it.
    void get().refreshDetail();
    return true;
  }

  return {
    scope: null,
    scopeAction: { pending: false, error: null },
    async loadScope() {
      const id = get().selectedId;
      if (!id) return set({ scope: null });
      const result = await callEngine((api) => api.changeRequests.forIncident({ incidentId: id }));
      if (get().selectedId !== id) return;
      set({ scope: result.ok ? result.value : null });
    },
    convertToChangeRequest: (amounts) => act((api, id) => api.changeRequests.convert({ id, ...amounts })),
    convertToSupport: (category) => act((api, id) => api.changeRequests.toSupport({ id, category })),
    updateChangeRequest: (amounts) => act((api, id) => api.changeRequests.update({ id, ...amounts })),
    setChangeRequestStatus: (to) => act((api, id) => api.changeRequests.setStatus({ id, to })),
    dismissScopeError: () => set({ scopeAction: { pending: false, error: null } }),
  };
};
