import type { ResultOf } from '../../../shared/contract';
import { type ErrorInfo, fail as failed } from '../../../shared/errors';
import type { Closure } from '../../../shared/sla/calendar';
import { mergeClosures } from '../../../shared/sla/closureMerge';
import { callEngine } from '../api/vangnet';
import type { SliceCreator } from './types';

export type IcalNote = ResultOf<'contracts.importIcal'>['skipped'][number];

/** Why a file added nothing: not a calendar, no events to close on, too big, unreadable, or the engine said no. */
export type ClosureImportProblem = 'invalid' | 'empty' | 'tooLarge' | 'unreadable' | 'engine';

export type ClosureImportState =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  /** What the file would add to the draft: new closures, ones already there, and the engine's notes. */
  | { step: 'preview'; fileName: string; added: Closure[]; duplicates: Closure[]; notes: IcalNote[] }
  | { step: 'failed'; fileName: string; problem: ClosureImportProblem; error: ErrorInfo | null; notes: IcalNote[] }
  /** Merged into the draft; saved only with the contract. */
  | { step: 'added'; fileName: string; count: number };

export interface ClosureImportSlice {
  closureImport: ClosureImportState;
  /** Reads an .ics file in the page (the renderer is sandboxed) and asks the engine what it holds. */
  importIcalFile(file: File): Promise<void>;
  /** Adds the previewed closures to the draft's closures. */
  confirmClosureImport(): void;
  dismissClosureImport(): void;
}

/** `contracts.importIcal` takes at most 5 000 000 characters; a byte count at least as large refuses early. */
const MAX_FILE_BYTES = 5_000_000;
const IDLE_IMPORT: ClosureImportState = { step: 'idle' };

/**
 * The contract editor's iCal import. `contracts.importIcal` only reads the file; the closures go
 * into the draft, so they are saved (or thrown away) with the rest of the contract's terms.
 */
export const createClosureImportSlice: SliceCreator<ClosureImportSlice> = (set, get) => {
  let generation = 0;

  return {
    closureImport: IDLE_IMPORT,
    async importIcalFile(file) {
      const clientId = get().contractEditorFor;
      if (!clientId || !get().draft) return;
      const mine = ++generation;
      const fileName = file.name;
      const fail = (problem: ClosureImportProblem, error: ErrorInfo | null = null, notes: IcalNote[] = []) =>
        set({ closureImport: { step: 'failed', fileName, problem, error, notes } });
      const current = () => mine === generation && get().contractEditorFor === clientId;

      if (file.size > MAX_FILE_BYTES) return fail('tooLarge');
      set({ closureImport: { step: 'reading', fileName } });
      let text: string;
      try {
        text = await file.text();
      } catch (err) {
        if (current()) fail('unreadable', failed('internal', 'cli.cannotRead', { file: fileName, detail: err instanceof Error ? err.message : String(err) }).error);
        return;
      }
      if (!current()) return;
      if (text.trim() === '') return fail('invalid');

      const timeZone = get().draft?.timeZone ?? 'Europe/Amsterdam';
      const result = await callEngine((api) => api.contracts.importIcal({ text, timeZone }));
      if (!current()) return;
      if (!result.ok) {
        const notCalendar = result.error.key === 'sla.notCalendar';
        return fail(notCalendar ? 'invalid' : 'engine', result.error);
      }
      const { closures, skipped } = result.value;
      if (closures.length === 0) return fail('empty', null, skipped);
      const { added, duplicates } = mergeClosures(get().draft?.closures ?? [], closures);
      set({ closureImport: { step: 'preview', fileName, added, duplicates, notes: skipped } });
    },
    confirmClosureImport() {
      const state = get().closureImport;
      if (state.step !== 'preview' || !get().draft) return;
      generation += 1;
      // Merged again: the draft may have changed while the preview was open.
      let count = 0;
      get().editDraft((terms) => {
        const merged = mergeClosures(terms.closures, state.added);
        count = merged.added.length;
        return { ...terms, closures: merged.closures };
      });
      set({ closureImport: { step: 'added', fileName: state.fileName, count } });
    },
    dismissClosureImport() {
      generation += 1;
      set({ closureImport: IDLE_IMPORT });
    },
  };
};
