import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TopBar } from '../../components/TopBar';
import { TIME_ZONE } from '../../i18n/format';
import { todayIn } from '../../lib/zonedTime';
import { useStore } from '../../store/store';
import { BurndownCard } from './BurndownCard';
import { HoursChart } from './HoursChart';
import { MonthPicker } from './MonthPicker';
import { lastMonths } from './reportSeries';
import '../clients/clients.css';
import '../time/time.css';
import './reports.css';

/**
 * Reports (issue 11): billed hours per category per month, and a burn-down per prepaid bundle.
 * Loaded lazily (RoomView), so the charting library is a chunk of its own, fetched on first visit.
 */
export function ReportsRoom() {
  const { t } = useTranslation();
  const from = useStore((s) => s.reportFrom);
  const to = useStore((s) => s.reportTo);
  const clientId = useStore((s) => s.reportClientId);
  const hours = useStore((s) => s.hoursReport);
  const bundles = useStore((s) => s.bundles);
  const status = useStore((s) => s.reportsStatus);
  const error = useStore((s) => s.reportsError);
  const clients = useStore((s) => s.clients);
  const loadClients = useStore((s) => s.loadClients);
  const setRange = useStore((s) => s.setReportRange);
  const setClient = useStore((s) => s.setReportClient);
  const load = useStore((s) => s.loadReports);
  const ids = { client: useId(), hours: useId(), bundles: useId() };

  useEffect(() => {
    void load();
    void loadClients();
  }, [load, loadClients]);

  const label = (id: string) => {
    const client = clients.find((c) => c.id === id);
    return client ? `${client.code} · ${client.name}` : id;
  };

  return (
    <section className="room reports-room" aria-labelledby="room-title" data-testid="room-reports">
      <TopBar title={t('reports.title')} />
      <div className="report-filters" role="group" aria-label={t('reports.filters')}>
        <MonthPicker label={t('reports.from')} value={from} testId="report-from" onChange={(month) => setRange(month, to)} />
        <MonthPicker label={t('reports.to')} value={to} testId="report-to" onChange={(month) => setRange(from, month)} />
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            const range = lastMonths(todayIn(TIME_ZONE).slice(0, 7));
            setRange(range.reportFrom, range.reportTo);
          }}
        >
          {t('reports.lastThreeMonths')}
        </button>
        <label htmlFor={ids.client}>{t('reports.client')}</label>
        <select
          id={ids.client}
          className="input"
          value={clientId ?? ''}
          data-testid="report-client"
          onChange={(e) => setClient(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">{t('reports.allClients')}</option>
          {clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.code} · {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="report-body" aria-busy={status === 'loading'}>
        {status === 'error' ? <ErrorAlert error={error} testId="reports-error" title={t('reports.loadFailed')} /> : null}
        <section className="report-section" aria-labelledby={ids.hours} data-testid="report-hours">
          <h2 id={ids.hours} className="report-title">
            {t('reports.hoursTitle')}
          </h2>
          <p className="report-hint">{t('reports.hoursHint')}</p>
          {hours ? <HoursChart report={hours} /> : null}
        </section>
        <section className="report-section" aria-labelledby={ids.bundles} data-testid="report-bundles">
          <h2 id={ids.bundles} className="report-title">
            {t('reports.bundlesTitle')}
          </h2>
          {bundles && bundles.length === 0 ? (
            <div className="empty report-empty" data-testid="bundles-empty">
              <p className="empty-title">{t('reports.bundlesEmpty')}</p>
              <p>{t('reports.bundlesEmptyHint')}</p>
            </div>
          ) : null}
          {bundles?.map((b) => (
            <BurndownCard key={b.clientId} bundle={b} clientLabel={label(b.clientId)} />
          ))}
        </section>
      </div>
    </section>
  );
}
