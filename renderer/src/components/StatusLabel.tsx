import { useTranslation } from 'react-i18next';
import type { IncidentStatus } from '../../../shared/domain/incident';

export function StatusLabel({ status }: { status: IncidentStatus }) {
  const { t } = useTranslation();
  return (
    <span className="status-label" data-status={status}>
      <span className="status-dot" aria-hidden="true" />
      {t(`incidentStatus.${status}`)}
    </span>
  );
}
