import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../shared/contract';
import { Icon } from '../../components/Icon';
import { formatDateTime } from '../../i18n/format';
import { useEngineerName } from '../../lib/useEngineers';
import { useStore } from '../../store/store';
import { Composer } from './Composer';
import { describeTimeline } from './timelineText';

/**
 * What happened to the incident, oldest first: the opening, then every status change, reply, note,
 * assignment, category and priority change with who and when; the composer writes the next entry.
 */
export function IncidentTimeline({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const timeline = useStore((s) => s.timeline);
  const status = useStore((s) => s.timelineStatus);
  const language = useStore((s) => s.language);
  const nameOf = useEngineerName();
  // Tickets merged into this one show their activity here; each line says which ticket it came from.
  const mergedTitles = new Map(
    timeline.flatMap((e) => (e.data.kind === 'mergedFrom' ? e.data.from.map((f) => [f.id, f.title] as const) : [])),
  );

  return (
    <section className="detail-section" aria-labelledby="detail-activity">
      <h3 id="detail-activity" className="section-title">
        {t('timeline.title')}
      </h3>
      {status === 'error' ? <p className="field-error">{t('timeline.loadFailed')}</p> : null}
      <ol className="timeline" data-testid="timeline">
        <li className="tl-entry" data-kind="opened">
          <span className="tl-dot" aria-hidden="true" />
          <div className="tl-body">
            <p>
              {t('timeline.opened')}
              {nameOf(incident.createdBy) ? <span className="muted"> · {nameOf(incident.createdBy)}</span> : null}
            </p>
            <time className="tl-time num" dateTime={incident.openedAt}>
              {formatDateTime(incident.openedAt, language)}
            </time>
          </div>
        </li>
        {timeline.map((entry) => {
          const message = entry.data.kind === 'reply' || entry.data.kind === 'note' ? entry.data.body : null;
          return (
            <li key={entry.id} className="tl-entry" data-kind={entry.data.kind} data-testid="timeline-entry">
              <span className="tl-dot" aria-hidden="true" />
              <div className="tl-body">
                <p className="tl-line">
                  {entry.data.kind === 'note' ? <Icon name="lock" size={12} /> : null}
                  {describeTimeline(t, entry.data, entry.actorName, nameOf)}
                </p>
                {entry.incidentId !== incident.id ? (
                  <p className="muted" data-testid="timeline-from-merged">
                    {t('bundling.fromMerged', { title: mergedTitles.get(entry.incidentId) ?? '…' })}
                  </p>
                ) : null}
                {message !== null ? (
                  <p className="tl-message" data-testid="timeline-message">
                    {message}
                  </p>
                ) : null}
                <time className="tl-time num" dateTime={entry.at}>
                  {formatDateTime(entry.at, language)}
                </time>
              </div>
            </li>
          );
        })}
      </ol>
      {incident.status !== 'closed' ? <Composer incidentId={incident.id} /> : null}
    </section>
  );
}
