import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../shared/contract';
import { SlaClockCard } from './SlaClockCard';

/** Both clocks side by side, or a plain word that this client gets best effort. */
export function SlaClocks({ sla }: { sla: IncidentDetail['sla'] }) {
  const { t } = useTranslation();
  return (
    <section className="detail-section clocks-section" aria-labelledby="detail-sla">
      <h3 id="detail-sla" className="section-title">
        {t('sla.title')}
      </h3>
      {sla ? (
        <div className="clocks">
          <SlaClockCard clock={sla.response} name="response" />
          <SlaClockCard clock={sla.resolution} name="resolution" />
        </div>
      ) : (
        <p className="clocks-none muted" data-testid="clocks-best-effort">
          {t('sla.noContract')}
        </p>
      )}
    </section>
  );
}
