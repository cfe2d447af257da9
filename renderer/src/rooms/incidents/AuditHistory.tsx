import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelative } from '../../i18n/format';
import { useNow } from '../../lib/clock';
import { useStore } from '../../store/store';
import { describeAudit } from './auditText';

/** Who changed what and when, newest first, straight from the engine's audit log. */
export function AuditHistory() {
  const { t } = useTranslation();
  const audit = useStore((s) => s.audit);
  const status = useStore((s) => s.auditStatus);
  const language = useStore((s) => s.language);
  const now = useNow();

  return (
    <section className="detail-section" aria-labelledby="detail-history">
      <h3 id="detail-history" className="section-title">
        {t('detail.history')}
      </h3>
      {status === 'ready' && audit.length === 0 ? <p className="muted">{t('detail.noHistory')}</p> : null}
      <ol className="audit" data-testid="audit-history">
        {audit.map((entry) => (
          <li key={entry.seq} className="audit-entry" data-testid="audit-entry">
            <span className="audit-dot" aria-hidden="true" />
            <div className="audit-body">
              {describeAudit(t, entry).map((line) => (
                <p key={line}>{line}</p>
              ))}
              <time className="audit-time num" dateTime={entry.at} title={formatDateTime(entry.at, language)}>
                {formatRelative(entry.at, now, language)}
              </time>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
