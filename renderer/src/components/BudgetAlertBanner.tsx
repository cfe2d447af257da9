import { useTranslation } from 'react-i18next';
import { hoursText } from '../rooms/clients/budgetFormat';
import type { BudgetAlert } from '../store/budgetSlice';
import { useStore } from '../store/store';
import { Icon } from './Icon';
import '../styles/slaAlerts.css';

/**
 * A prepaid threshold just reached (the engine's `budget.alert`, sent once per threshold and purchase
 * era): "Acme: 10 % of prepaid hours left (4 h 30 m)", with a way to the client. Polite (role=status);
 * used up is assertive (role=alert).
 */
export function BudgetAlertBanner() {
  const { t } = useTranslation();
  const alerts = useStore((s) => s.budgetAlerts);
  const dismiss = useStore((s) => s.dismissBudgetAlert);
  const navigate = useStore((s) => s.navigate);
  const selectClient = useStore((s) => s.selectClient);
  if (alerts.length === 0) return null;
  const text = (a: BudgetAlert) =>
    a.thresholdPercent > 0
      ? t('budgetAlert.threshold', { client: a.clientName, percent: a.thresholdPercent, left: hoursText(a.remainingMinutes, t) })
      : a.overrunMinutes > 0
        ? t('budgetAlert.over', { client: a.clientName, over: hoursText(a.overrunMinutes, t) })
        : t('budgetAlert.empty', { client: a.clientName });
  return (
    <section className="sla-alerts" aria-label={t('budgetAlert.region')} data-testid="budget-alerts">
      {alerts.map((alert) => (
        <div
          key={`${alert.clientId}-${alert.thresholdPercent}`}
          className={`sla-alert ${alert.thresholdPercent === 0 ? 'sla-alert-breached' : 'sla-alert-at_risk'}`}
          role={alert.thresholdPercent === 0 ? 'alert' : 'status'}
          data-testid="budget-alert"
        >
          <span className="sla-alert-text">
            <strong>{text(alert)}</strong>
          </span>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              navigate('clients');
              selectClient(alert.clientId);
              dismiss(alert);
            }}
          >
            {t('budgetAlert.open')}
          </button>
          <button type="button" className="btn btn-ghost btn-icon" aria-label={`${t('budgetAlert.dismiss')}: ${text(alert)}`} onClick={() => dismiss(alert)}>
            <Icon name="close" />
          </button>
        </div>
      ))}
    </section>
  );
}
