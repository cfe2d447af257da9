import { useTranslation } from 'react-i18next';
import type { IncidentStatus } from '../../../../shared/domain/incident';
import { TRANSITIONS } from '../../../../shared/domain/lifecycle';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useStore } from '../../store/store';

/** The step most incidents take next from each status; it gets the primary button. */
const NEXT: Record<IncidentStatus, IncidentStatus | null> = {
  new: 'acknowledged',
  acknowledged: 'in_progress',
  in_progress: 'resolved',
  waiting_on_client: 'in_progress',
  resolved: 'closed',
  closed: null,
};

/**
 * The status buttons: only the transitions the lifecycle allows from here, the usual next step
 * first. "Acknowledge" is its own engine call; back to work from resolved is "Reopen".
 */
export function IncidentActions({ status }: { status: IncidentStatus }) {
  const { t } = useTranslation();
  const action = useStore((s) => s.incidentAction);
  const acknowledge = useStore((s) => s.acknowledge);
  const changeStatus = useStore((s) => s.changeStatus);
  const allowed = [...TRANSITIONS[status]].sort((a, b) => Number(b === NEXT[status]) - Number(a === NEXT[status]));

  function label(to: IncidentStatus): string {
    if (to === 'in_progress' && status === 'resolved') return t('actions.reopen');
    if (to === 'in_progress' && status === 'waiting_on_client') return t('actions.resume');
    return t(`actions.to.${to}`);
  }

  const statusError =
    action.error && (action.kind === 'status' || action.kind === 'assign' || action.kind === 'category' || action.kind === 'priority');

  return (
    <div className="detail-actions" role="group" aria-label={t('actions.label')} data-testid="incident-actions">
      {allowed.length === 0 ? <p className="muted">{t('actions.closed')}</p> : null}
      <div className="action-buttons">
        {allowed.map((to) => (
          <button
            key={to}
            type="button"
            className={to === NEXT[status] ? 'btn btn-primary' : 'btn'}
            data-testid={`action-${to}`}
            disabled={action.pending}
            onClick={() => void (to === 'acknowledged' ? acknowledge() : changeStatus(to))}
          >
            {label(to)}
          </button>
        ))}
      </div>
      {statusError ? <ErrorAlert error={action.error} testId="action-error" /> : null}
    </div>
  );
}
