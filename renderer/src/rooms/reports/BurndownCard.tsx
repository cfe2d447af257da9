import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BurndownView } from '../../../../shared/contract/reports';
import { formatDayHeading } from '../../i18n/format';
import { useStore } from '../../store/store';
import { paletteFor } from './chartColors';
import { formatHours } from './reportFormat';
import { BurndownTable } from './BurndownTable';
import { TableToggle } from './TableToggle';

/** One prepaid bundle's balance over time: threshold lines (25 %, 10 %, 0), purchases marked, a summary and its table. */
export function BurndownCard({ bundle, clientLabel }: { bundle: BurndownView; clientLabel: string }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const theme = useStore((s) => s.theme);
  const palette = paletteFor(theme);
  const headingId = useId();
  const summaryId = useId();
  const hours = (minutes: number) => formatHours(t, minutes, language);
  const passed = bundle.thresholds.filter((th) => (th.percent === 0 ? bundle.balanceMinutes <= 0 : bundle.remainingPercent <= th.percent));
  const summary =
    bundle.balanceMinutes < 0
      ? t('reports.bundleOverrun', { client: clientLabel, overrun: hours(-bundle.balanceMinutes) })
      : t('reports.bundleSummary', {
          client: clientLabel,
          balance: hours(bundle.balanceMinutes),
          base: hours(bundle.baseMinutes),
          percent: bundle.remainingPercent,
          passed:
            passed.length === 0
              ? t('reports.passedNone')
              : t('reports.passed', { thresholds: passed.map((th) => `${th.percent} %`).join(', ') }),
        });
  const data = bundle.points.map((p) => ({ day: p.day, balance: p.balanceMinutes / 60 }));
  const day = (d: string) => formatDayHeading(d, language);

  return (
    <section className="report-card" aria-labelledby={headingId} data-testid="burndown">
      <h3 id={headingId} className="report-card-title">
        {t('reports.bundleOf', { client: clientLabel })}
      </h3>
      <p id={summaryId} className="report-summary" data-testid="burndown-summary">
        {summary}
      </p>
      <div className="report-chart" role="img" aria-labelledby={summaryId}>
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={data} margin={{ top: 16, right: 48, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke={palette.grid} />
            <XAxis dataKey="day" tickFormatter={day} tick={{ fill: palette.text }} stroke={palette.grid} />
            <YAxis tick={{ fill: palette.text }} stroke={palette.grid} tickFormatter={(v: number) => hours(v * 60)} width={64} />
            <Tooltip
              labelFormatter={(d) => day(String(d))}
              formatter={(value) => [hours(Number(value) * 60), t('reports.balance')]}
              contentStyle={{ background: palette.surface, borderColor: palette.grid }}
            />
            {bundle.thresholds.map((th) => (
              <ReferenceLine
                key={th.percent}
                y={th.minutes / 60}
                stroke={palette.threshold(th.percent)}
                strokeDasharray="5 4"
                label={{
                  value: th.percent === 0 ? t('reports.thresholdZero') : t('reports.threshold', { percent: th.percent }),
                  position: 'right',
                  fill: palette.text,
                  fontSize: 12,
                }}
              />
            ))}
            {bundle.purchases.map((p) => (
              <ReferenceLine
                key={p.id}
                x={p.day}
                stroke={palette.purchase}
                label={{
                  value: t('reports.purchase', { hours: hours(p.minutes) }),
                  position: 'insideTopLeft',
                  fill: palette.text,
                  fontSize: 12,
                }}
              />
            ))}
            <Line
              type="stepAfter"
              dataKey="balance"
              name={t('reports.balance')}
              stroke={palette.balance}
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <TableToggle testId="burndown-table">
        <BurndownTable bundle={bundle} />
      </TableToggle>
    </section>
  );
}
