import type { IncidentListRow } from '../../../shared/contract';
import type { IdleChoice, IdleQuestion } from '../../../shared/contract/idle';
import type { ErrorInfo } from '../../../shared/errors';
import { callEngine } from '../api/vangnet';
import { OPEN_STATUSES } from './incidentListSlice';
import type { SliceCreator } from './types';

/** Where `separate` books the idle span: a client, and optionally one of its incidents. */
export interface IdleTarget {
  clientId: string;
  incidentId?: string;
}

export interface IdleSlice {
  /** The engine's idle question, while it stands: a dialog that must be answered. */
  idleQuestion: IdleQuestion | null;
  idleAnswer: { pending: boolean; error: ErrorInfo | null };
  loadIdleQuestion(): Promise<void>;
  setIdleQuestion(question: IdleQuestion): void;
  /** Sends the answer; `target` is where `separate` books the idle span. */
  answerIdle(choice: IdleChoice, target?: IdleTarget): Promise<boolean>;
  /** The open incidents of the client picked for the idle span (the engine's first 100, newest first). */
  idleIncidents: { clientId: string; rows: IncidentListRow[] } | null;
  loadIdleIncidents(clientId: string | null): Promise<void>;
}

export const createIdleSlice: SliceCreator<IdleSlice> = (set, get) => ({
  idleQuestion: null,
  idleAnswer: { pending: false, error: null },
  async loadIdleQuestion() {
    const result = await callEngine((api) => api.timer.idleQuestion({}));
    if (result.ok) set({ idleQuestion: result.value });
  },
  setIdleQuestion(question) {
    set({ idleQuestion: question, idleAnswer: { pending: false, error: null } });
  },
  idleIncidents: null,
  async loadIdleIncidents(clientId) {
    if (!clientId) return set({ idleIncidents: null });
    const result = await callEngine((api) => api.incidents.list({ clientId, statuses: [...OPEN_STATUSES], sort: 'updated', limit: 100 }));
    if (result.ok) set({ idleIncidents: { clientId, rows: result.value.rows } });
  },
  async answerIdle(choice, to) {
    const q = get().idleQuestion;
    if (!q || get().idleAnswer.pending) return false;
    set({ idleAnswer: { pending: true, error: null } });
    const target = choice === 'separate' && to ? (to.incidentId ? { incidentId: to.incidentId } : { clientId: to.clientId }) : undefined;
    const result = await callEngine((api) => api.timer.answerIdle({ choice, entryId: q.entry.id, idleFrom: q.idleFrom, target }));
    if (!result.ok) {
      set({ idleAnswer: { pending: false, error: result.error } });
      void get().loadIdleQuestion();
      return false;
    }
    set({ idleQuestion: null, idleAnswer: { pending: false, error: null } });
    void get().loadTimer();
    return true;
  },
});
