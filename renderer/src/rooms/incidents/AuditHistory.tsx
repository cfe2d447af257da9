import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { formatDateTime, formatRelative } from '../../i18n/format';
import { useNow } from '../../lib/clock';
import { errorText } from '../../lib/errorText';
import { useStore } from '../../store/store';
import { describeAudit } from './auditText';

/**
 * Who changed what and when, newest first, straight from the engine's audit log. Once the laptop is
 * paired each entry says whether the office server has confirmed it or it is still only local.
 */
export function AuditHistory() {
  const { t } = useTranslation();
  const audit = useStore((s) => s.audit);
  const status = useStore((s) => s.auditStatus);
  const language = useStore((s) => s.language);
  const paired = useStore((s) => s.sync !== null && s.sync.state !== 'unpaired');
  const older = useStore((s) => s.olderHistory);
  const olderProblem = useStore((s) => s.olderHistoryProblem);
  const fetchOlderHistory = useStore((s) => s.fetchOlderHistory);
  const now = useNow();
  const olderMissing = older === 'incomplete' || older === 'failed';

  return (
    <section className="detail-section" aria-labelledby="detail-history">
      <h3 id="detail-history" className="section-title">
        {t('detail.history')}
      </h3>
      {status === 'ready' && audit.length === 0 && older !== 'loading' && !olderMissing ? (
        <p className="muted">{t('detail.noHistory')}</p>
      ) : null}
      <ol className="audit" data-testid="audit-history">
        {audit.map((entry) => (
          // Server entries and local ones are numbered separately: their seqs can coincide.
          <li
            key={`${entry.synced ? 's' : 'l'}${entry.seq}`}
            className="audit-entry"
            data-testid="audit-entry"
            data-synced={paired ? entry.synced : undefined}
          >
            <span className="audit-dot" aria-hidden="true" />
            <div className="audit-body">
              {describeAudit(t, entry).map((line) => (
                <p key={line}>{line}</p>
              ))}
              <span className="audit-meta">
                <time className="audit-time num" dateTime={entry.at} title={formatDateTime(entry.at, language)}>
                  {formatRelative(entry.at, now, language)}
                </time>
                {paired ? (
                  <span
                    className="audit-sync"
                    data-synced={entry.synced}
                    data-testid="audit-sync"
                    title={entry.synced ? t('audit.syncedTitle') : t('audit.localTitle')}
                  >
                    <Icon name={entry.synced ? 'check' : 'laptop'} size={12} />
                    {entry.synced ? t('audit.synced') : t('audit.local')}
                  </span>
                ) : null}
              </span>
            </div>
          </li>
        ))}
      </ol>
      {/* A laptop paired after the incident was made fetches its older history from the office server. */}
      <div role="status" className="audit-older" data-testid="audit-older" data-state={older}>
        {older === 'loading' ? <p className="muted">{t('detail.olderLoading')}</p> : null}
        {olderMissing ? (
          <p className="muted" title={olderProblem ? errorText(t, olderProblem) : undefined}>
            {older === 'failed' ? t('detail.olderFailed') : t('detail.olderOffline')}{' '}
            <button type="button" className="btn btn-small" data-testid="audit-older-retry" onClick={() => void fetchOlderHistory()}>
              {t('detail.olderRetry')}
            </button>
          </p>
        ) : null}
      </div>
    </section>
  );
}
