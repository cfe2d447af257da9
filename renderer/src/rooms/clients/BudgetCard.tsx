import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useStore } from '../../store/store';
import { BudgetMonths } from './BudgetMonths';
import { PrepaidBudget } from './PrepaidBudget';
import './budget.css';

/** The client's budget under the contract in force: the prepaid bundle, or the recent months of a subscription or all-in contract. */
export function BudgetCard() {
  const { t } = useTranslation();
  const budget = useStore((s) => s.budget);
  const months = useStore((s) => s.budgetMonths);
  const status = useStore((s) => s.budgetStatus);
  const error = useStore((s) => s.budgetError);
  const model = months[0]?.costModel ?? null;

  return (
    <section className="card budget-card" aria-labelledby="budget-title" data-testid="budget-card">
      <header className="card-head">
        <h3 id="budget-title" className="card-title">
          {t('budget.title')}
        </h3>
      </header>
      {status === 'error' ? <ErrorAlert error={error} testId="budget-load-error" /> : null}
      {status === 'loading' && !budget ? <p className="muted">{t('budget.loading')}</p> : null}
      {budget && status !== 'error' ? (
        model === 'prepaid' || (model === null && budget.prepaid) ? (
          <PrepaidBudget budget={budget} />
        ) : model ? (
          <BudgetMonths months={months} />
        ) : (
          <p className="card-empty muted">{t('budget.noContract')}</p>
        )
      ) : null}
    </section>
  );
}
