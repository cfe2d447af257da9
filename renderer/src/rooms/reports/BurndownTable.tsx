import { useTranslation } from 'react-i18next';
import type { BurndownView } from '../../../../shared/contract/reports';
import { formatDayHeading } from '../../i18n/format';
import { useStore } from '../../store/store';
import { formatHours } from './reportFormat';
import { burndownRows } from './reportSeries';

/** The burn-down's numbers: per day that changed the bundle, what happened and the balance after. */
export function BurndownTable({ bundle }: { bundle: BurndownView }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const hours = (minutes: number) => formatHours(t, minutes, language);
  return (
    <table className="table report-table" data-testid="burndown-table">
      <thead>
        <tr>
          <th scope="col">{t('reports.bundleColumn.day')}</th>
          <th scope="col">{t('reports.bundleColumn.event')}</th>
          <th scope="col" className="col-num">
            {t('reports.bundleColumn.balance')}
          </th>
        </tr>
      </thead>
      <tbody>
        {burndownRows(bundle).map((row) => (
          <tr key={row.day} data-testid="burndown-row">
            <th scope="row">{formatDayHeading(row.day, language)}</th>
            <td>
              {row.events
                .map((e) =>
                  e.kind === 'draw'
                    ? `${t('reports.event.draw')} ${hours(e.minutes)}`
                    : e.kind === 'today'
                      ? t('reports.event.today')
                      : t(`reports.event.${e.kind}`, { hours: hours(e.minutes) }),
                )
                .join(' · ')}
            </td>
            <td className="col-num num">{hours(row.balanceMinutes)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
