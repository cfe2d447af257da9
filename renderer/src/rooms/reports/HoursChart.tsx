import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HoursReportView } from '../../../../shared/contract/reports';
import { useStore } from '../../store/store';
import { paletteFor } from './chartColors';
import { formatHours, formatMonth, formatPeriod } from './reportFormat';
import { hoursSeries, topSeries } from './reportSeries';
import { HoursTable } from './HoursTable';
import { TableToggle } from './TableToggle';

/** Billed hours per category per month, stacked; a text summary and the table say the same in words and numbers. */
export function HoursChart({ report }: { report: HoursReportView }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const theme = useStore((s) => s.theme);
  const summaryId = useId();
  const palette = paletteFor(theme);
  const series = hoursSeries(report);
  const period = formatPeriod(report.from, report.to, language);
  const top = topSeries(series);
  const hours = (minutes: number) => formatHours(t, minutes, language);

  if (series.keys.length === 0)
    return (
      <div className="empty report-empty" data-testid="hours-empty">
        <p className="empty-title">{t('reports.hoursEmpty')}</p>
        <p>{t('reports.hoursEmptyHint')}</p>
      </div>
    );

  const data = series.months.map((m) => ({
    label: formatMonth(m.month, language),
    ...Object.fromEntries(series.keys.map((k) => [k, m.cells[k].roundedMinutes / 60])),
  }));
  return (
    <>
      <p id={summaryId} className="report-summary" data-testid="hours-summary">
        {t('reports.hoursSummary', {
          period,
          rounded: hours(series.roundedMinutes),
          raw: hours(series.rawMinutes),
          top: top === null ? '—' : t(`reports.category.${top}`),
        })}
      </p>
      <div className="report-chart" role="img" aria-labelledby={summaryId} data-testid="hours-chart">
        <ResponsiveContainer width="100%" height={280}>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke={palette.grid} />
            <XAxis dataKey="label" tick={{ fill: palette.text }} stroke={palette.grid} />
            <YAxis tick={{ fill: palette.text }} stroke={palette.grid} tickFormatter={(v: number) => hours(v * 60)} width={64} />
            <Tooltip
              formatter={(value) => hours(Number(value) * 60)}
              contentStyle={{ background: palette.surface, borderColor: palette.grid }}
              cursor={{ fill: palette.grid, opacity: 0.4 }}
            />
            <Legend wrapperStyle={{ color: palette.text }} />
            {series.keys.map((k) => (
              <Bar
                key={k}
                dataKey={k}
                name={t(`reports.category.${k}`)}
                stackId="hours"
                fill={palette.series[k]}
                stroke={palette.surface}
                strokeWidth={1}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {series.keys.includes('changeRequest') ? <p className="report-note">{t('reports.changeRequestNote')}</p> : null}
      <TableToggle testId="hours-table">
        <HoursTable series={series} />
      </TableToggle>
    </>
  );
}
