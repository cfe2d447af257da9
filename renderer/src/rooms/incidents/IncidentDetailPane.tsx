import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StartTimerButton } from '../../components/timer/StartTimerButton';
import { Icon } from '../../components/Icon';
import { PriorityBadge } from '../../components/PriorityBadge';
import { RelativeTime } from '../../components/RelativeTime';
import { StatusLabel } from '../../components/StatusLabel';
import { formatDateTime } from '../../i18n/format';
import { useStore } from '../../store/store';
import { AuditHistory } from './AuditHistory';
import { ChangeRequestCard } from './ChangeRequestCard';
import { IncidentActions } from './IncidentActions';
import { IncidentEditForm } from './IncidentEditForm';
import { IncidentFields } from './IncidentFields';
import { IncidentTimeline } from './IncidentTimeline';
import { MergedBanner } from './MergedBanner';
import { MergeIntoAction } from './MergeIntoAction';
import { SlaClocks } from './SlaClocks';

/**
 * The selected incident: its clocks, what can be done next, its fields, the activity with the
 * composer, and the signed history of changes.
 */
export function IncidentDetailPane() {
  const { t } = useTranslation();
  const detail = useStore((s) => s.detail);
  const status = useStore((s) => s.detailStatus);
  const error = useStore((s) => s.detailError);
  const editing = useStore((s) => s.editing);
  const setEditing = useStore((s) => s.setEditing);
  const close = useStore((s) => s.selectIncident);
  const language = useStore((s) => s.language);
  const focusSurvivor = useStore((s) => s.focusSurvivor);
  const survivorFocused = useStore((s) => s.survivorFocused);
  const title = useRef<HTMLHeadingElement>(null);

  // After a merge the survivor is shown: its title takes the focus, so the keyboard is where the work went.
  useEffect(() => {
    if (!focusSurvivor || detail?.id !== focusSurvivor || !title.current) return;
    title.current.focus();
    survivorFocused();
  }, [focusSurvivor, detail?.id, survivorFocused]);

  return (
    <aside className="detail" aria-label={t('detail.label')} data-testid="incident-detail">
      <div className="detail-toolbar">
        {detail ? (
          <>
            <PriorityBadge priority={detail.priority} />
            <StatusLabel status={detail.status} />
          </>
        ) : null}
        <span className="spacer" />
        {detail && !editing ? <MergeIntoAction key={detail.id} incident={detail} /> : null}
        {detail && !editing ? (
          <button type="button" className="btn btn-small" onClick={() => setEditing(true)}>
            <Icon name="edit" size={13} />
            {t('common.edit')}
          </button>
        ) : null}
        <button type="button" className="btn btn-ghost btn-icon" aria-label={t('detail.closePane')} onClick={() => close(null)}>
          <Icon name="close" />
        </button>
      </div>

      {status === 'error' ? <ErrorAlert error={error} testId="detail-error" /> : null}
      {!detail && status === 'loading' ? <p className="detail-loading muted">{t('common.loading')}</p> : null}

      {detail ? (
        <div className="detail-scroll">
          {editing ? (
            <IncidentEditForm key={detail.id} incident={detail} />
          ) : (
            <>
              <h2 ref={title} className="detail-title" data-testid="detail-title" tabIndex={-1}>
                {detail.title}
              </h2>
              <dl className="detail-meta">
                <dt>{t('detail.client')}</dt>
                <dd>
                  <span className="client-code">{detail.clientCode}</span> {detail.clientName}
                </dd>
                <dt>{t('detail.opened')}</dt>
                <dd>
                  <time className="num" dateTime={detail.openedAt}>
                    {formatDateTime(detail.openedAt, language)}
                  </time>
                  <span className="muted">
                    {' · '}
                    <RelativeTime iso={detail.openedAt} />
                  </span>
                </dd>
              </dl>
              <MergedBanner incident={detail} />
              <SlaClocks sla={detail.sla} />
              <StartTimerButton incidentId={detail.id} />
              <IncidentActions status={detail.status} />
              <IncidentFields incident={detail} />
              <ChangeRequestCard incident={detail} />
              <section className="detail-section" aria-labelledby="detail-description">
                <h3 id="detail-description" className="section-title">
                  {t('detail.description')}
                </h3>
                {detail.description ? (
                  <p className="detail-description" data-testid="detail-description">
                    {detail.description}
                  </p>
                ) : (
                  <p className="muted">{t('detail.noDescription')}</p>
                )}
              </section>
              <IncidentTimeline incident={detail} />
            </>
          )}
          <AuditHistory />
        </div>
      ) : null}
    </aside>
  );
}
