import type { IdleChoice, IdleQuestion } from '../../../shared/contract/idle';
import type { ErrorInfo } from '../../../shared/errors';
import { callEngine } from '../api/vangnet';
import type { SliceCreator } from './types';

export interface IdleSlice {
  /** The engine's idle question, while it stands: a dialog that must be answered. */
  idleQuestion: IdleQuestion | null;
  idleAnswer: { pending: boolean; error: ErrorInfo | null };
  loadIdleQuestion(): Promise<void>;
  setIdleQuestion(question: IdleQuestion): void;
  /** Sends the answer; `clientId` is where `separate` books the idle span. */
  answerIdle(choice: IdleChoice, clientId?: string): Promise<boolean>;
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
  async answerIdle(choice, clientId) {
    const q = get().idleQuestion;
    if (!q || get().idleAnswer.pending) return false;
    set({ idleAnswer: { pending: true, error: null } });
    const target = choice === 'separate' && clientId ? { clientId } : undefined;
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
