import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/contract';
import { formatDateTime, formatRelative } from '../../i18n/format';
import { useNow } from '../../lib/clock';
import { mutationLabel, refusalText } from '../../lib/syncSummary';
import { useStore } from '../../store/store';
import { ErrorAlert } from '../ErrorAlert';
import { Icon } from '../Icon';

/**
 * Changes made here that the office server refused. The engine has already undone them locally, so
 * this list is the only trace: each stays until the engineer has read it and dismissed it.
 */
export function RejectedChanges({ rejected }: { rejected: SyncStatus['rejected'] }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const dismissing = useStore((s) => s.dismissing);
  const dismissError = useStore((s) => s.dismissError);
  const dismiss = useStore((s) => s.dismissRejection);
  const now = useNow();

  if (rejected.length === 0) return null;
  return (
    <section className="sync-rejected" aria-labelledby="sync-rejected-title" data-testid="rejected-changes">
      <h3 id="sync-rejected-title" className="section-title">
        {t('sync.rejectedTitle')} <span className="num">({rejected.length})</span>
      </h3>
      <p className="sync-note">{t('sync.rejectedIntro')}</p>
      <ErrorAlert error={dismissError} testId="dismiss-error" />
      <ul className="rejected-list">
        {rejected.map((r) => {
          const name = mutationLabel(t, r.name);
          return (
            <li key={r.mutationId} className="rejected-item" data-testid="rejected-change">
              <span className="rejected-icon">
                <Icon name="alert" size={15} />
              </span>
              <div className="rejected-body">
                <p className="rejected-name">{name}</p>
                <p className="rejected-reason" data-testid="rejected-reason">
                  {/* Why, in the user's language: the refusal's key and params, never the server's English. */}
                  {refusalText(t, r)}
                </p>
                <time className="rejected-time num" dateTime={r.createdAt} title={formatRelative(r.createdAt, now, language)}>
                  {t('sync.madeAt', { when: formatDateTime(r.createdAt, language) })}
                </time>
              </div>
              <button
                type="button"
                className="btn btn-small"
                aria-label={t('sync.dismissLabel', { name })}
                disabled={dismissing.includes(r.mutationId)}
                onClick={() => void dismiss(r.mutationId)}
              >
                {t('sync.dismiss')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
