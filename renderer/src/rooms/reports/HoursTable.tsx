import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/store';
import { formatHours, formatMonth } from './reportFormat';
import type { HoursSeries } from './reportSeries';

/** The hours chart's numbers: per category and month, raw beside billed, with totals. */
export function HoursTable({ series }: { series: HoursSeries }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const hours = (minutes: number) => formatHours(t, minutes, language);
  /** One month's (or the total's) two cells: raw beside billed. */
  const rawAndRounded = (cell: { rawMinutes: number; roundedMinutes: number }, i: number) => [
    <td key={`${i}-raw`} className="col-num num">
      {hours(cell.rawMinutes)}
    </td>,
    <td key={`${i}-rounded`} className="col-num num">
      {hours(cell.roundedMinutes)}
    </td>,
  ];
  return (
    <div className="table-scroll">
      <table className="table report-table" data-testid="hours-table">
        <caption className="time-caption">{t('reports.hoursTitle')}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t('reports.column.category')}
            </th>
            {series.months.map((m) => (
              <th key={m.month} scope="colgroup" colSpan={2} className="col-num">
                {formatMonth(m.month, language)}
              </th>
            ))}
            <th scope="colgroup" colSpan={2} className="col-num">
              {t('reports.column.total')}
            </th>
          </tr>
          <tr>
            {[...series.months, null].map((m) => [
              <th key={`${m?.month ?? 'total'}-raw`} scope="col" className="col-num">
                {t('reports.column.raw')}
              </th>,
              <th key={`${m?.month ?? 'total'}-rounded`} scope="col" className="col-num">
                {t('reports.column.rounded')}
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {series.keys.map((k) => (
            <tr key={k} data-testid={`hours-row-${k}`}>
              <th scope="row">{t(`reports.category.${k}`)}</th>
              {[...series.months.map((m) => m.cells[k]), series.totals[k]].map(rawAndRounded)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="hours-row-total">
            <th scope="row">{t('reports.column.total')}</th>
            {[...series.months, { rawMinutes: series.rawMinutes, roundedMinutes: series.roundedMinutes }].map(rawAndRounded)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
