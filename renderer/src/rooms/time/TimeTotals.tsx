import { useTranslation } from 'react-i18next';
import type { TimeList } from '../../../../shared/contract/time';
import { useStore } from '../../store/store';

/** Per client: raw minutes, and beside them the minutes rounded per ticket per month as billed. */
export function TimeTotals({ totals }: { totals: TimeList['totals'] }) {
  const { t } = useTranslation();
  const clients = useStore((s) => s.clients);
  if (totals.length === 0) return null;
  return (
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
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
