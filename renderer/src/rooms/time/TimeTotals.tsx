import { useTranslation } from 'react-i18next';
import type { TimeList } from '../../../../shared/contract/time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TIME_ZONE } from '../../i18n/format';
import { todayIn } from '../../lib/zonedTime';
import { useStore } from '../../store/store';
import { formatMonth } from '../reports/reportFormat';

/**
 * Per client: raw minutes, and beside them the minutes rounded per ticket per month as billed; a lead
 * closes the viewed month once it has ended (the engine refuses an open one) and while it is not closed.
 */
export function TimeTotals({ totals, day }: { totals: TimeList['totals']; day: string }) {
  const { t } = useTranslation();
  const clients = useStore((s) => s.clients);
  const lead = useStore((s) => s.timePeople?.canChangeOthers ?? false);
  const closing = useStore((s) => s.monthClose);
  const closeMonth = useStore((s) => s.closeMonth);
  const language = useStore((s) => s.language);
  const rows = useStore((s) => s.monthRows);
  if (totals.length === 0) return null;
  const month = day.slice(0, 7);
  const monthName = formatMonth(month, language, true);
  const ended = month < todayIn(TIME_ZONE).slice(0, 7);
  const closedFor = new Set(rows.filter((r) => r.closed && r.month === month).map((r) => r.clientId));
  return (
    <>
      <table className="table time-totals" data-testid="time-totals">
        <caption className="time-caption">{t('timeRoom.totals')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('timeRoom.totalsColumn.client')}</th>
            <th scope="col" className="col-num">
              {t('timeRoom.totalsColumn.raw')}
            </th>
            <th scope="col" className="col-num" title={t('timeRoom.roundedTitle')}>
              {t('timeRoom.totalsColumn.rounded')}
            </th>
            {lead ? <th scope="col">{t('timeEntries.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {totals.map((total) => {
            const client = clients.find((c) => c.id === total.clientId);
            return (
              <tr key={total.clientId} data-testid="time-total">
                <th scope="row">
                  <span className="client-code">{client?.code ?? '—'}</span> {client?.name ?? ''}
                </th>
                <td className="col-num num">{total.rawMinutes}</td>
                <td className="col-num num">{total.roundedMinutes}</td>
                {lead ? (
                  <td>
                    {ended && !closedFor.has(total.clientId) ? (
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={closing.pending}
                        aria-label={t('timeEntries.closeMonthLabel', { month: monthName, client: client?.code ?? '' })}
                        data-testid="time-close-month"
                        onClick={() => void closeMonth(total.clientId, month)}
                      >
                        {t('timeEntries.closeMonth', { month: monthName })}
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="time-after-totals">
        {closing.done ? (
          <p role="status" className="muted">
            {t('timeEntries.monthClosed', { month: formatMonth(closing.done, language, true) })}
          </p>
        ) : null}
        <ErrorAlert error={closing.error} testId="time-close-error" title={t('timeEntries.closeFailed')} />
      </div>
    </>
  );
}
