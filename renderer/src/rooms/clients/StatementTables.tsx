import { useTranslation } from 'react-i18next';
import { formatEuro, formatHm } from '../../../../shared/billing/statementLabels';
import type { StatementView } from '../../../../shared/contract/statement';
import { useStore } from '../../store/store';

type Line = StatementView['support'][number];

/** One table of ticket lines (support, or change requests) with its total. */
function LinesTable({ id, title, note, lines, total }: { id: string; title: string; note?: string; lines: Line[]; total: StatementView['supportTotal'] }) {
  const { t } = useTranslation();
  return (
    <section className="statement-section" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="statement-heading">
        {title}
      </h4>
      {note ? <p className="muted statement-note">{note}</p> : null}
      {lines.length === 0 ? (
        <p className="muted">{t('statement.none')}</p>
      ) : (
        <table className="table statement-table" data-testid={`statement-${id}`}>
          <thead>
            <tr>
              <th scope="col">{t('statement.col.ticket')}</th>
              <th scope="col">{t('statement.col.category')}</th>
              <th scope="col">{t('statement.col.engineers')}</th>
              <th scope="col" className="col-num">{t('statement.col.raw')}</th>
              <th scope="col" className="col-num">{t('statement.col.billableRaw')}</th>
              <th scope="col" className="col-num" title={t('statement.roundedTitle')}>{t('statement.col.rounded')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={`${l.ticketId ?? '-'}/${l.scope}`} data-testid="statement-line">
                <th scope="row">{l.ticketId === null ? t('statement.noTicket') : (l.title ?? l.ticketId)}</th>
                <td>{t(`category.${l.category ?? 'none'}`)}</td>
                <td>{l.engineers.join(', ')}</td>
                <td className="col-num num">{formatHm(l.rawMinutes)}</td>
                <td className="col-num num">{formatHm(l.billableRawMinutes)}</td>
                <td className="col-num num">{formatHm(l.roundedMinutes)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid={`statement-${id}-total`}>
              <th scope="row" colSpan={3}>{t('statement.total')}</th>
              <td className="col-num num">{formatHm(total.rawMinutes)}</td>
              <td className="col-num num">{formatHm(total.billableRawMinutes)}</td>
              <td className="col-num num">{formatHm(total.roundedMinutes)}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}

function Pairs({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="statement-pairs" data-testid="statement-budget">
      {rows.map(([k, v]) => (
        <div key={k} className="statement-pair">
          <dt>{k}</dt>
          <dd className="num">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Budget({ s }: { s: StatementView }) {
  const { t } = useTranslation();
  const language = useStore((st) => st.language);
  const euro = (cents: number | null) => (cents === null ? t('statement.subscription.unpriced') : formatEuro(cents, language));
  let rows: [string, string][] | null = null;
  if (s.prepaid)
    rows = [
      [t('statement.prepaid.before'), formatHm(s.prepaid.balanceBeforeMinutes)],
      [t('statement.prepaid.purchased'), formatHm(s.prepaid.purchasedMinutes)],
      [t('statement.prepaid.drawn'), formatHm(s.prepaid.drawnMinutes)],
      [t('statement.prepaid.expired'), formatHm(s.prepaid.expiredMinutes)],
      [t('statement.prepaid.after'), formatHm(s.prepaid.balanceAfterMinutes)],
    ];
  else if (s.subscription)
    rows = [
      [t('statement.subscription.included'), formatHm(s.subscription.includedMinutes)],
      [t('statement.subscription.used'), formatHm(s.subscription.usedMinutes)],
      [t('statement.subscription.overage'), formatHm(s.subscription.overageMinutes)],
      [t('statement.subscription.fee'), euro(s.subscription.feeCents)],
      [t('statement.subscription.overageCost'), euro(s.subscription.overageCents)],
      [t('statement.subscription.total'), euro(s.subscription.totalCents)],
    ];
  else if (s.allIn)
    rows = [
      [t('statement.allIn.capacity'), formatHm(s.allIn.capacityMinutes)],
      [t('statement.allIn.used'), `${formatHm(s.allIn.usedMinutes)} (${s.allIn.usedPercent}%)`],
      [t('statement.allIn.remaining'), formatHm(s.allIn.remainingMinutes)],
      [t('statement.allIn.over'), formatHm(s.allIn.overCapacityMinutes)],
      [t('statement.allIn.audit'), t(`statement.audit.${s.allIn.audit.status}`, { month: s.allIn.audit.dueMonth })],
    ];
  if (!rows || !s.costModel) return null;
  return (
    <section className="statement-section" aria-labelledby="statement-budget-title">
      <h4 id="statement-budget-title" className="statement-heading">
        {t('statement.budget')} — {t(`statement.models.${s.costModel}`)}
      </h4>
      <Pairs rows={rows} />
    </section>
  );
}

function SlaTable({ s }: { s: StatementView }) {
  const { t } = useTranslation();
  const cols = ['incidents', 'responseMet', 'responseMissed', 'resolutionMet', 'resolutionMissed'] as const;
  return (
    <section className="statement-section" aria-labelledby="statement-sla-title">
      <h4 id="statement-sla-title" className="statement-heading">
        {t('statement.sla')}
      </h4>
      <table className="table statement-table" data-testid="statement-sla">
        <thead>
          <tr>
            <th scope="col">{t('statement.slaCol.priority')}</th>
            {cols.map((c) => (
              <th key={c} scope="col" className="col-num">
                {t(`statement.slaCol.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {s.sla.map((r) => (
            <tr key={r.priority}>
              <th scope="row">{r.priority}</th>
              {cols.map((c) => (
                <td key={c} className={`col-num num${c.endsWith('Missed') && r[c] > 0 ? ' statement-missed' : ''}`}>
                  {r[c]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The statement on screen: the same numbers as the CSV and PDF exports. */
export function StatementTables({ s }: { s: StatementView }) {
  const { t } = useTranslation();
  return (
    <div className="statement-body" data-testid="statement-body">
      <p className="muted">
        {s.costModel ? t('statement.model', { model: t(`statement.models.${s.costModel}`), increment: s.incrementMinutes }) : t('statement.noContract')}
      </p>
      {s.empty ? (
        <p className="statement-empty" data-testid="statement-empty">
          {t('statement.empty')}
        </p>
      ) : null}
      <LinesTable id="support" title={t('statement.support')} lines={s.support} total={s.supportTotal} />
      <LinesTable id="changes" title={t('statement.changeRequests')} note={t('statement.changeRequestsNote')} lines={s.changeRequests} total={s.changeRequestTotal} />
      <Budget s={s} />
      <SlaTable s={s} />
    </div>
  );
}
