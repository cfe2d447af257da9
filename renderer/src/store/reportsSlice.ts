import type { BurndownView, HoursReportView } from '../../../shared/contract/reports';
import type { ErrorInfo } from '../../../shared/errors';
import { callEngine } from '../api/vangnet';
import { TIME_ZONE } from '../i18n/format';
import { todayIn } from '../lib/zonedTime';
import { lastMonths } from '../rooms/reports/reportSeries';
import type { LoadStatus, SliceCreator } from './types';

export interface ReportsSlice {
  /** The months shown, `YYYY-MM`, inclusive; by default the current month and the two before. */
  reportFrom: string;
  reportTo: string;
  /** One client, or null for all. */
  reportClientId: string | null;
  hoursReport: HoursReportView | null;
  bundles: BurndownView[] | null;
  reportsStatus: LoadStatus;
  reportsError: ErrorInfo | null;
  setReportRange(from: string, to: string): void;
  setReportClient(clientId: string | null): void;
  loadReports(): Promise<void>;
}

export const createReportsSlice: SliceCreator<ReportsSlice> = (set, get) => ({
  ...lastMonths(todayIn(TIME_ZONE).slice(0, 7)),
  reportClientId: null,
  hoursReport: null,
  bundles: null,
  reportsStatus: 'idle',
  reportsError: null,
  setReportRange(from, to) {
    set({ reportFrom: from, reportTo: to });
    void get().loadReports();
  },
  setReportClient(clientId) {
    set({ reportClientId: clientId });
    void get().loadReports();
  },
  async loadReports() {
    const { reportFrom: from, reportTo: to, reportClientId } = get();
    const client = reportClientId === null ? {} : { clientId: reportClientId };
    set({ reportsStatus: 'loading' });
    const [hours, bundles] = await Promise.all([
      callEngine((api) => api.reports.hoursByCategory({ from, to, ...client })),
      callEngine((api) => api.reports.bundleBurndown(client)),
    ]);
    // A newer choice was made meanwhile: its answer wins.
    const now = get();
    if (now.reportFrom !== from || now.reportTo !== to || now.reportClientId !== reportClientId) return;
    if (!hours.ok) return set({ reportsStatus: 'error', reportsError: hours.error });
    if (!bundles.ok) return set({ reportsStatus: 'error', reportsError: bundles.error });
    set({ hoursReport: hours.value, bundles: bundles.value.bundles, reportsStatus: 'ready', reportsError: null });
  },
});
