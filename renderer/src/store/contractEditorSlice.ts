import type { ResultOf } from '../../../shared/contract';
import type { ContractTerms, CostModel } from '../../../shared/domain/contract';
import type { Priority } from '../../../shared/domain/incident';
import type { ErrorInfo } from '../../../shared/errors';
import { callEngine } from '../api/vangnet';
import { addDays, mondayOf, todayIn, wallToIso, weekdayIndex } from '../lib/zonedTime';
import { IDLE, type LoadStatus, type MutationState, type SliceCreator } from './types';

export type WeekInterval = ResultOf<'contracts.week'>[number];
export type WhatIfResult = ResultOf<'contracts.whatIf'>;

export interface WhatIfInput {
  priority: Priority;
  /** Wall-clock `YYYY-MM-DDTHH:mm` in the contract's time zone. */
  reportedAt: string;
}

export interface ContractEditorSlice {
  /** The contract editor's client; null while it is closed. */
  contractEditorFor: string | null;
  /** The terms being edited: the current version's, or a template's. Saved as a new version. */
  draft: ContractTerms | null;
  effectiveFrom: string;
  contractSave: MutationState;
  templateLoading: CostModel | null;
  templateError: ErrorInfo | null;
  /** Monday of the week the preview shows (`YYYY-MM-DD`). */
  weekOf: string;
  week: WeekInterval[];
  weekStatus: LoadStatus;
  weekError: ErrorInfo | null;
  whatIf: WhatIfInput;
  whatIfResult: WhatIfResult | null;
  whatIfStatus: LoadStatus;
  whatIfError: ErrorInfo | null;
  openContractEditor(): void;
  closeContractEditor(): void;
  /** Changes the draft; the week view and the what-if follow shortly after. */
  editDraft(change: (terms: ContractTerms) => ContractTerms): void;
  applyTemplate(costModel: CostModel): Promise<void>;
  setEffectiveFrom(date: string): void;
  saveContract(): Promise<boolean>;
  setWeekOf(date: string): void;
  setWhatIf(patch: Partial<WhatIfInput>): void;
  /** Asks the engine for the week view and the what-if again (also after a language switch). */
  refreshContractPreviews(): void;
}

const AGENCY_ZONE = 'Europe/Amsterdam';
const PREVIEW_DEBOUNCE_MS = 200;

/** "Reported Friday 16:55": the coming Friday just before closing, where business hours bite. */
function nextFridayEvening(timeZone: string): string {
  const today = todayIn(timeZone);
  const ahead = (4 - weekdayIndex(today) + 7) % 7;
  return `${addDays(today, ahead)}T16:55`;
}

export const createContractEditorSlice: SliceCreator<ContractEditorSlice> = (set, get) => {
  let weekTimer: ReturnType<typeof setTimeout> | undefined;
  let whatIfTimer: ReturnType<typeof setTimeout> | undefined;
  let weekGeneration = 0;
  let whatIfGeneration = 0;

  async function loadWeek(): Promise<void> {
    const { draft, weekOf } = get();
    if (!draft) return;
    const generation = ++weekGeneration;
    if (get().weekStatus !== 'ready') set({ weekStatus: 'loading' });
    const result = await callEngine((api) => api.contracts.week({ terms: draft, weekOf }));
    if (generation !== weekGeneration) return;
    if (result.ok) set({ week: result.value, weekStatus: 'ready', weekError: null });
    else set({ weekStatus: 'error', weekError: result.error });
  }

  async function loadWhatIf(): Promise<void> {
    const { draft, whatIf } = get();
    if (!draft) return;
    const generation = ++whatIfGeneration;
    const openedAt = wallToIso(whatIf.reportedAt, draft.timeZone);
    if (!openedAt) {
      set({ whatIfStatus: 'idle', whatIfResult: null, whatIfError: null });
      return;
    }
    if (get().whatIfStatus !== 'ready') set({ whatIfStatus: 'loading' });
    const result = await callEngine((api) => api.contracts.whatIf({ terms: draft, priority: whatIf.priority, openedAt }));
    if (generation !== whatIfGeneration) return;
    if (result.ok) set({ whatIfResult: result.value, whatIfStatus: 'ready', whatIfError: null });
    else set({ whatIfStatus: 'error', whatIfError: result.error });
  }

  function scheduleWhatIf(): void {
    clearTimeout(whatIfTimer);
    whatIfTimer = setTimeout(() => void loadWhatIf(), PREVIEW_DEBOUNCE_MS);
  }

  /** Typing in the editor asks again once it pauses, not per keystroke. */
  function schedulePreviews(): void {
    clearTimeout(weekTimer);
    weekTimer = setTimeout(() => void loadWeek(), PREVIEW_DEBOUNCE_MS);
    scheduleWhatIf();
  }

  /** A template replaces the terms, not the week or the moment the engineer is looking at. */
  function startWith(terms: ContractTerms): void {
    set({ draft: terms });
    schedulePreviews();
  }

  return {
    contractEditorFor: null,
    draft: null,
    effectiveFrom: todayIn(AGENCY_ZONE),
    contractSave: IDLE,
    templateLoading: null,
    templateError: null,
    weekOf: mondayOf(todayIn(AGENCY_ZONE)),
    week: [],
    weekStatus: 'idle',
    weekError: null,
    whatIf: { priority: 'P2', reportedAt: nextFridayEvening(AGENCY_ZONE) },
    whatIfResult: null,
    whatIfStatus: 'idle',
    whatIfError: null,
    openContractEditor() {
      const clientId = get().selectedClientId;
      if (!clientId) return;
      const current = get().contracts?.current ?? get().contracts?.history[0] ?? null;
      const zone = current?.terms.timeZone ?? AGENCY_ZONE;
      set({
        contractEditorFor: clientId,
        draft: null,
        weekOf: mondayOf(todayIn(zone)),
        whatIf: { priority: 'P2', reportedAt: nextFridayEvening(zone) },
        effectiveFrom: todayIn(AGENCY_ZONE),
        contractSave: IDLE,
        templateError: null,
        week: [],
        weekStatus: 'idle',
        weekError: null,
        whatIfResult: null,
        whatIfStatus: 'idle',
        whatIfError: null,
      });
      get().dismissClosureImport();
      // A new version starts from the one in force; a first contract from the subscription template.
      if (current) startWith(current.terms);
      else void get().applyTemplate('subscription');
    },
    closeContractEditor() {
      clearTimeout(weekTimer);
      clearTimeout(whatIfTimer);
      weekGeneration += 1;
      whatIfGeneration += 1;
      set({ contractEditorFor: null, draft: null, contractSave: IDLE, templateLoading: null, templateError: null });
      get().dismissClosureImport();
    },
    editDraft(change) {
      const draft = get().draft;
      if (!draft) return;
      set({ draft: change(draft) });
      schedulePreviews();
    },
    async applyTemplate(costModel) {
      const clientId = get().contractEditorFor;
      set({ templateLoading: costModel, templateError: null });
      const result = await callEngine((api) => api.contracts.template({ costModel }));
      if (get().contractEditorFor !== clientId) return;
      if (!result.ok) {
        set({ templateLoading: null, templateError: result.error });
        return;
      }
      set({ templateLoading: null, contractSave: IDLE });
      startWith(result.value);
    },
    setEffectiveFrom(effectiveFrom) {
      set({ effectiveFrom });
    },
    async saveContract() {
      const { contractEditorFor: clientId, draft, effectiveFrom } = get();
      if (!clientId || !draft || get().contractSave.pending) return false;
      set({ contractSave: { pending: true, error: null } });
      // contracts.set stores business hours without compiling them (inverted or overlapping blocks get
      // through for a client without incidents, and its contract can no longer be read). The week
      // view compiles the same calendar: ask it first, so a contract the engine cannot use is never saved.
      const check = await callEngine((api) => api.contracts.week({ terms: draft, weekOf: get().weekOf }));
      if (get().contractEditorFor !== clientId) return false;
      if (!check.ok && check.error.code === 'invalid_args') {
        set({ contractSave: { pending: false, error: check.error } });
        return false;
      }
      const result = await callEngine((api) => api.contracts.set({ clientId, terms: draft, ...(effectiveFrom ? { effectiveFrom } : {}) }));
      if (get().contractEditorFor !== clientId) return result.ok;
      if (!result.ok) {
        set({ contractSave: { pending: false, error: result.error } });
        return false;
      }
      get().closeContractEditor();
      void get().refreshClientDetail();
      return true;
    },
    setWeekOf(date) {
      set({ weekOf: mondayOf(date) });
      void loadWeek();
    },
    setWhatIf(patch) {
      set((s) => ({ whatIf: { ...s.whatIf, ...patch } }));
      scheduleWhatIf();
    },
    refreshContractPreviews() {
      if (get().draft) schedulePreviews();
    },
  };
};
