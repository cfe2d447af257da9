import type { BudgetMonthView, BudgetView } from '../../../shared/contract/budget';
import type { EventPayload } from '../../../shared/contract';
import type { ErrorInfo } from '../../../shared/errors';
import { addMonths } from '../../../shared/billing/month';
import { callEngine } from '../api/vangnet';
import { IDLE, type LoadStatus, type MutationState, type SliceCreator } from './types';

export type BudgetAlert = EventPayload<'budget.alert'>;

/** Months shown for a subscription or all-in client: this one and the two before it. */
export const MONTHS_SHOWN = 3;
const MAX_ALERTS = 4;

export interface BuyInput {
  minutes: number;
  purchasedOn?: string;
  validThrough?: string;
  note?: string;
}

export interface BudgetSlice {
  /** The selected client's prepaid bundle (every cost model answers; `prepaid` says whether it is one). */
  budget: BudgetView | null;
  /** The selected client's recent months, newest first (subscription and all-in). */
  budgetMonths: BudgetMonthView[];
  budgetStatus: LoadStatus;
  budgetError: ErrorInfo | null;
  budgetSave: MutationState;
  loadBudget(): Promise<void>;
  buyHours(input: BuyInput): Promise<boolean>;
  adjustBudget(input: { minutes: number; reason: string }): Promise<boolean>;
  resetBudgetSave(): void;
  /** Prepaid thresholds just reached (the engine's `budget.alert`), newest first. */
  budgetAlerts: BudgetAlert[];
  showBudgetAlert(alert: BudgetAlert): void;
  dismissBudgetAlert(alert: BudgetAlert): void;
}

const sameAlert = (a: BudgetAlert, b: BudgetAlert) => a.clientId === b.clientId && a.thresholdPercent === b.thresholdPercent;

export const createBudgetSlice: SliceCreator<BudgetSlice> = (set, get) => ({
  budget: null,
  budgetMonths: [],
  budgetStatus: 'idle',
  budgetError: null,
  budgetSave: IDLE,
  budgetAlerts: [],
  async loadBudget() {
    const clientId = get().selectedClientId;
    if (!clientId) return;
    if (get().budget?.clientId !== clientId) set({ budget: null, budgetMonths: [], budgetStatus: 'loading' });
    const view = await callEngine((api) => api.budget.forClient({ clientId }));
    if (get().selectedClientId !== clientId) return;
    if (!view.ok) {
      set({ budgetStatus: 'error', budgetError: view.error });
      return;
    }
    const current = view.value.asOf.slice(0, 7);
    const months = await Promise.all(
      Array.from({ length: MONTHS_SHOWN }, (_, i) => callEngine((api) => api.budget.month({ clientId, month: addMonths(current, -i) }))),
    );
    if (get().selectedClientId !== clientId) return;
    const failed = months.find((m) => !m.ok);
    if (failed && !failed.ok) set({ budgetStatus: 'error', budgetError: failed.error });
    else set({ budget: view.value, budgetMonths: months.flatMap((m) => (m.ok ? [m.value] : [])), budgetStatus: 'ready', budgetError: null });
  },
  async buyHours(input) {
    const clientId = get().selectedClientId;
    if (!clientId) return false;
    set({ budgetSave: { pending: true, error: null } });
    const result = await callEngine((api) => api.budget.buy({ clientId, ...input }));
    if (!result.ok) {
      set({ budgetSave: { pending: false, error: result.error } });
      return false;
    }
    set({ budget: result.value, budgetSave: IDLE });
    return true;
  },
  async adjustBudget(input) {
    const clientId = get().selectedClientId;
    if (!clientId) return false;
    set({ budgetSave: { pending: true, error: null } });
    const result = await callEngine((api) => api.budget.adjust({ clientId, ...input }));
    if (!result.ok) {
      set({ budgetSave: { pending: false, error: result.error } });
      return false;
    }
    set({ budget: result.value, budgetSave: IDLE });
    return true;
  },
  resetBudgetSave() {
    set({ budgetSave: IDLE });
  },
  showBudgetAlert(alert) {
    set({ budgetAlerts: [alert, ...get().budgetAlerts.filter((a) => !sameAlert(a, alert))].slice(0, MAX_ALERTS) });
  },
  dismissBudgetAlert(alert) {
    set({ budgetAlerts: get().budgetAlerts.filter((a) => !sameAlert(a, alert)) });
  },
});
