import type { StatementFile, StatementView } from '../../../shared/contract/statement';
import type { ErrorInfo } from '../../../shared/errors';
import { callEngine } from '../api/vangnet';
import { TIME_ZONE } from '../i18n/format';
import { todayIn } from '../lib/zonedTime';
import type { LoadStatus, SliceCreator } from './types';

export type StatementFormat = 'csv' | 'pdf';

/** The client detail's month statement (docs/billing.md, "Statements"): on screen, and exported as a file. */
export interface StatementSlice {
  /** `YYYY-MM`; this month (in the team's zone) until another is picked. */
  statementMonth: string;
  statement: StatementView | null;
  statementStatus: LoadStatus;
  statementError: ErrorInfo | null;
  /** The export being built, and a failed export's reason. */
  statementExporting: StatementFormat | null;
  statementExportError: ErrorInfo | null;
  setStatementMonth(clientId: string, month: string): void;
  loadStatement(clientId: string): Promise<void>;
  /** The file, or null when the engine refused (the reason is in `statementExportError`). */
  exportStatement(clientId: string, format: StatementFormat, lang: 'en' | 'nl'): Promise<StatementFile | null>;
}

export const createStatementSlice: SliceCreator<StatementSlice> = (set, get) => ({
  statementMonth: todayIn(TIME_ZONE).slice(0, 7),
  statement: null,
  statementStatus: 'idle',
  statementError: null,
  statementExporting: null,
  statementExportError: null,
  setStatementMonth(clientId, month) {
    set({ statementMonth: month, statementExportError: null });
    void get().loadStatement(clientId);
  },
  async loadStatement(clientId) {
    const month = get().statementMonth;
    set({ statementStatus: 'loading' });
    const result = await callEngine((api) => api.statement.forClient({ clientId, month }));
    // Another month was picked meanwhile: its answer wins.
    if (get().statementMonth !== month) return;
    if (!result.ok) return set({ statementStatus: 'error', statementError: result.error, statement: null });
    set({ statement: result.value, statementStatus: 'ready', statementError: null });
  },
  async exportStatement(clientId, format, lang) {
    if (get().statementExporting) return null;
    set({ statementExporting: format, statementExportError: null });
    const result = await callEngine((api) => api.statement.export({ clientId, month: get().statementMonth, format, lang }));
    set({ statementExporting: null, statementExportError: result.ok ? null : result.error });
    return result.ok ? result.value : null;
  },
});
