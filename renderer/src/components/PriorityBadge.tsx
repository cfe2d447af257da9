import { useTranslation } from 'react-i18next';
import type { Priority } from '../../../shared/domain/incident';

/** P1 red, P2 orange, P3 blue, P4 grey; the hint is in the tooltip and the accessible name. */
export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  const hint = `${priority} — ${t(`priority.hint.${priority}`)}`;
  return (
    <span className={`priority priority-${priority.toLowerCase()}`} title={hint} data-testid="priority-badge">
      {priority}
    </span>
  );
}
