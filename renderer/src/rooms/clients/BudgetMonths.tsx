import { useTranslation } from 'react-i18next';
import type { BudgetMonthView } from '../../../../shared/contract/budget';
import { useStore } from '../../store/store';
import { euros, hoursText, monthText } from './budgetFormat';

/** A subscription's or all-in contract's recent months: allowance and overage priced, or capacity used; and the security audit due. */
export function BudgetMonths({ months }: { months: BudgetMonthView[] }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const h = (m: number) => hoursText(m, t);
  const model = months[0]?.costModel;
  const audit = months[0]?.audit;

  if (model === 'subscription') {
    if (months.every((m) => !m.subscription)) return <p className="muted">{t('budget.months.noTerms')}</p>;
    return (
      <table className="budget-table" data-testid="budget-months">
        <thead>
          <tr>
            <th scope="col">{t('budget.months.month')}</th>
            <th scope="col" className="num">{t('budget.months.included')}</th>
            <th scope="col" className="num">{t('budget.months.used')}</th>
            <th scope="col" className="num">{t('budget.months.raw')}</th>
            <th scope="col" className="num">{t('budget.months.overage')}</th>
            <th scope="col" className="num">{t('budget.months.overagePrice')}</th>
            <th scope="col" className="num">{t('budget.months.total')}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) =>
            m.subscription ? (
              <tr key={m.month} data-testid="budget-month">
                <th scope="row">{monthText(m.month, language)}</th>
                <td className="num">{h(m.subscription.includedMinutes)}</td>
                <td className="num">{h(m.subscription.usedMinutes)}</td>
                <td className="num">{h(m.subscription.rawMinutes)}</td>
                <td className="num">{h(m.subscription.overageMinutes)}</td>
                <td className="num">{m.subscription.overageCents === null ? t('budget.months.unpriced') : euros(m.subscription.overageCents, language)}</td>
                <td className="num">
                  {m.subscription.totalCents === null ? euros(m.subscription.feeCents, language) : euros(m.subscription.totalCents, language)}
                </td>
              </tr>
            ) : null,
          )}
        </tbody>
      </table>
    );
  }

  if (model !== 'all_in') return <p className="muted">{t('budget.noContract')}</p>;
  return (
    <div data-testid="budget-months">
      {months.every((m) => !m.allIn) ? <p className="muted">{t('budget.months.noCapacity')}</p> : null}
      <ul className="budget-capacity">
        {months.map((m) =>
          m.allIn ? (
            <li key={m.month} data-testid="budget-month">
              <span className="budget-capacity-month">{monthText(m.month, language)}</span>
              <div
                className="budget-bar"
                role="meter"
                aria-label={t('budget.months.bar', { month: monthText(m.month, language) })}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.min(100, m.allIn.usedPercent)}
                aria-valuetext={`${m.allIn.usedPercent} %`}
              >
                <span className={`budget-bar-fill${m.allIn.usedPercent > 100 ? ' budget-bar-over' : ''}`} style={{ width: `${Math.min(100, m.allIn.usedPercent)}%` }} />
              </div>
              <span className="num">
                {m.allIn.usedPercent} % · {h(m.allIn.usedMinutes)} / {h(m.allIn.capacityMinutes)}
              </span>
            </li>
          ) : null,
        )}
      </ul>
      {audit ? (
        <p className={`budget-audit budget-audit-${audit.status}`} data-testid="budget-audit" data-status={audit.status}>
          <strong>{t('budget.audit.title')}:</strong> {t(`budget.audit.${audit.status}`, { month: monthText(audit.dueMonth, language) })}
        </p>
      ) : null}
    </div>
  );
}
