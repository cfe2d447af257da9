import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../shared/contract';
import { useStore } from '../../store/store';

/** On a ticket merged into another: says so and opens the survivor (its time and activity are there). */
export function MergedBanner({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const select = useStore((s) => s.selectIncident);
  const timeline = useStore((s) => s.timeline);
  if (!incident.mergedInto) return null;
  const event = timeline.find((e) => e.data.kind === 'mergedInto');
  const title = event?.data.kind === 'mergedInto' ? event.data.into.title : null;
  return (
    <div className="merged-banner" role="status" data-testid="merged-banner">
      <p>{t('bundling.banner')}</p>
      <button type="button" className="btn btn-small" data-testid="merged-open-survivor" onClick={() => select(incident.mergedInto)}>
        {title ? t('bundling.openSurvivor', { title }) : t('bundling.openSurvivorFallback')}
      </button>
    </div>
  );
}
