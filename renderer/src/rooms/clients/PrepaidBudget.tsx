import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BudgetView } from '../../../../shared/contract/budget';
import { Icon } from '../../components/Icon';
import { formatLocalDate } from '../../i18n/format';
import { useStore } from '../../store/store';
import { hoursText, monthText } from './budgetFormat';
import { BudgetForm } from './BudgetForms';

/** Draw lines shown: the newest months' tickets. */
const DRAWS_SHOWN = 12;

/** A prepaid bundle: balance, percent left against its thresholds, purchases, recent draws, adjustments; buy and adjust for leads. */
export function PrepaidBudget({ budget }: { budget: BudgetView }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const [form, setForm] = useState<'buy' | 'adjust' | null>(null);
  const open = budget.purchases.filter((p) => p.status === 'open' && p.remainingMinutes > 0).reduce((s, p) => s + p.minutes, 0);
  const adjustments = budget.lines.filter((l) => l.kind === 'adjustment');
  const kindOf = new Map(budget.lines.map((l) => [l.id, l.kind]));
  const h = (m: number) => hoursText(m, t);

  return (
    <div className="budget-prepaid" data-testid="budget-prepaid">
      <div className="budget-balance">
        <span className="muted">{t('budget.prepaid.balance')}</span>
        <strong className="budget-balance-value" data-testid="budget-balance">
          {h(budget.balanceMinutes)}
        </strong>
        <span className="muted">
          {budget.overrunMinutes > 0
            ? t('budget.prepaid.over', { over: h(budget.overrunMinutes) })
            : `${t('budget.prepaid.left', { percent: budget.remainingPercent })} ${t('budget.prepaid.ofOpen', { total: h(open) })}`}
          {budget.expiredMinutes > 0 ? ` · ${t('budget.prepaid.expired', { expired: h(budget.expiredMinutes) })}` : null}
        </span>
      </div>
      <div
        className="budget-bar"
        role="meter"
        aria-label={t('budget.prepaid.bar')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={budget.remainingPercent}
        aria-valuetext={t('budget.prepaid.left', { percent: budget.remainingPercent })}
        data-testid="budget-bar"
      >
        <span className="budget-bar-fill" style={{ width: `${Math.min(100, budget.remainingPercent)}%` }} />
        {budget.thresholdsPercent.map((p) => (
          <span key={p} className="budget-bar-mark" style={{ left: `${p}%` }} title={t('budget.prepaid.mark', { percent: p })} />
        ))}
      </div>
      <p className="muted budget-notified" data-testid="budget-notified">
        {budget.thresholdsNotified.length > 0
          ? t('budget.prepaid.notified', { list: budget.thresholdsNotified.map((p) => `${p} %`).join(', ') })
          : t('budget.prepaid.noneNotified')}
        {' · '}
        {t(`budget.prepaid.policy_${budget.overrunPolicy}`)}
      </p>
      {budget.canManage ? (
        <div className="budget-actions">
          <button type="button" className="btn btn-small" data-testid="budget-buy" onClick={() => setForm('buy')} disabled={form !== null}>
            <Icon name="plus" size={13} />
            {t('budget.buy.open')}
          </button>
          <button type="button" className="btn btn-small" data-testid="budget-adjust" onClick={() => setForm('adjust')} disabled={form !== null}>
            {t('budget.adjust.open')}
          </button>
        </div>
      ) : null}
      {form ? <BudgetForm kind={form} onDone={() => setForm(null)} /> : null}

      <h4 className="budget-subtitle">{t('budget.prepaid.purchases')}</h4>
      {budget.purchases.length === 0 ? (
        <p className="muted">{t('budget.prepaid.noPurchases')}</p>
      ) : (
        <table className="budget-table" data-testid="budget-purchases">
          <thead>
            <tr>
              <th scope="col">{t('budget.prepaid.bought')}</th>
              <th scope="col">{t('budget.prepaid.validThrough')}</th>
              <th scope="col" className="num">{t('budget.prepaid.size')}</th>
              <th scope="col" className="num">{t('budget.prepaid.used')}</th>
              <th scope="col" className="num">{t('budget.prepaid.leftCol')}</th>
              <th scope="col">{t('budget.prepaid.status')}</th>
            </tr>
          </thead>
          <tbody>
            {budget.purchases.map((p) => (
              <tr key={p.id} data-testid="budget-purchase" data-status={p.status}>
                <td>
                  {formatLocalDate(p.purchasedOn, language)}
                  {kindOf.get(p.id) === 'adjustment' ? <span className="muted"> · {t('budget.prepaid.adjustment')}</span> : null}
                </td>
                <td>{p.validThrough ? formatLocalDate(p.validThrough, language) : t('budget.prepaid.noEnd')}</td>
                <td className="num">{h(p.minutes)}</td>
                <td className="num">{h(p.usedMinutes)}</td>
                <td className="num">{p.status === 'expired' ? <s>{h(p.expiredMinutes)}</s> : h(p.remainingMinutes)}</td>
                <td>
                  <span className={`tag budget-status-${p.status}`}>
                    {t(`budget.prepaid.status${p.status === 'open' ? 'Open' : p.status === 'used' ? 'Used' : 'Expired'}`)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h4 className="budget-subtitle">{t('budget.prepaid.draws')}</h4>
      {budget.billed.length === 0 ? (
        <p className="muted">{t('budget.prepaid.noDraws')}</p>
      ) : (
        <table className="budget-table" data-testid="budget-draws">
          <thead>
            <tr>
              <th scope="col">{t('budget.prepaid.month')}</th>
              <th scope="col">{t('budget.prepaid.ticket')}</th>
              <th scope="col" className="num">{t('budget.prepaid.raw')}</th>
              <th scope="col" className="num">{t('budget.prepaid.rounded')}</th>
            </tr>
          </thead>
          <tbody>
            {budget.billed.slice(0, DRAWS_SHOWN).map((l) => (
              <tr key={`${l.month}-${l.ticketId ?? '-'}`} data-testid="budget-draw">
                <td>{monthText(l.month, language)}</td>
                <td>{l.title ?? t('budget.prepaid.noTicket')}</td>
                <td className="num">{h(l.billableRawMinutes)}</td>
                <td className="num">{h(l.roundedMinutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {adjustments.length > 0 ? (
        <>
          <h4 className="budget-subtitle">{t('budget.prepaid.adjustments')}</h4>
          <table className="budget-table" data-testid="budget-adjustments">
            <thead>
              <tr>
                <th scope="col">{t('budget.prepaid.day')}</th>
                <th scope="col" className="num">{t('budget.prepaid.minutes')}</th>
                <th scope="col">{t('budget.prepaid.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {adjustments.map((l) => (
                <tr key={l.id} data-testid="budget-adjustment">
                  <td>{formatLocalDate(l.day, language)}</td>
                  <td className="num">{l.minutes > 0 ? `+${h(l.minutes)}` : h(l.minutes)}</td>
                  <td>{l.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}
