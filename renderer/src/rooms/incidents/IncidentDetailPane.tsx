import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { PriorityBadge } from '../../components/PriorityBadge';
import { StatusLabel } from '../../components/StatusLabel';
import { formatDateTime, formatRelative } from '../../i18n/format';
import { useNow } from '../../lib/clock';
import { useStore } from '../../store/store';
import { AuditHistory } from './AuditHistory';
import { IncidentEditForm } from './IncidentEditForm';

/** The selected incident: its fields, an inline editor and the signed history of changes. */
export function IncidentDetailPane() {
  const { t } = useTranslation();
  const detail = useStore((s) => s.detail);
  const status = useStore((s) => s.detailStatus);
  const error = useStore((s) => s.detailError);
  const editing = useStore((s) => s.editing);
  const setEditing = useStore((s) => s.setEditing);
  const close = useStore((s) => s.selectIncident);
  const language = useStore((s) => s.language);
  const now = useNow();

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
              <h2 className="detail-title" data-testid="detail-title">
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
                  <span className="muted"> · {formatRelative(detail.openedAt, now, language)}</span>
                </dd>
                <dt>{t('detail.updated')}</dt>
                <dd>
                  <time className="num" dateTime={detail.updatedAt}>
                    {formatDateTime(detail.updatedAt, language)}
                  </time>
                </dd>
              </dl>
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
            </>
          )}
          <AuditHistory />
        </div>
      ) : null}
    </aside>
  );
}
