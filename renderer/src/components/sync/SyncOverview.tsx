import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelative } from '../../i18n/format';
import { useNow } from '../../lib/clock';
import { lastErrorText } from '../../lib/syncSummary';
import { useStore } from '../../store/store';
import { Icon } from '../Icon';
import { RejectedChanges } from './RejectedChanges';
import { SyncCheck } from './SyncCheck';
import { SyncErrorAlert } from './SyncErrorAlert';
import { useSyncSummary } from './useSyncSummary';

/** A paired laptop: where it syncs to, as whom, how current it is, and a button to sync right now. */
export function SyncOverview() {
  const { t } = useTranslation();
  const sync = useSyncSummary();
  const language = useStore((s) => s.language);
  const round = useStore((s) => s.syncRound);
  const syncNow = useStore((s) => s.syncNow);
  const resetRound = useStore((s) => s.resetSyncRound);
  const profile = useStore((s) => s.profile);
  const engineer = useStore((s) => s.engineers.find((e) => e.id === s.profile?.engineerId));
  const now = useNow();
  const syncButton = useRef<HTMLButtonElement>(null);

  // The last round's outcome belongs to that visit to the panel.
  useEffect(() => resetRound, [resetRound]);

  // Right after pairing the form that had focus is gone; give it to the overview's main action.
  useEffect(() => {
    const button = syncButton.current;
    if (button && !button.closest('dialog')?.contains(document.activeElement)) button.focus();
  }, []);

  if (!sync) return null;
  const { status, summary } = sync;
  const busy = round.pending || summary.tone === 'busy';
  // Offline is ordinary on a laptop: say what it means for the engineer's work. An error already reads
  // in full in the summary, and a failed "Sync now" shows its own alert; say each thing once.
  const offline = summary.tone === 'warning';
  const showOffline = offline && !round.error;

  return (
    <div className="sync-overview" data-testid="sync-overview">
      <div className="sync-summary" data-tone={summary.tone}>
        <span className={`dot dot-${summary.tone}`} data-pulse={busy || summary.retrying} aria-hidden="true" />
        <p className="sync-summary-label" data-testid="sync-summary">
          {summary.label}
        </p>
        <button ref={syncButton} type="button" className="btn" data-autofocus="" disabled={busy} onClick={() => void syncNow()}>
          <span className="sync-now-icon" data-spinning={busy}>
            <Icon name="refresh" size={14} />
          </span>
          {busy ? t('sync.syncingNow') : t('sync.syncNow')}
        </button>
        <span className="sync-progress" data-active={busy} aria-hidden="true" />
      </div>

      <div role="status" className="sync-round" data-testid="sync-round-result">
        {round.result ? (
          <>
            {t('sync.roundDone', { pushed: round.result.pushed, pulled: round.result.pulled })}
            {round.result.rejected > 0 ? ` ${t('sync.roundRejected', { count: round.result.rejected })}` : null}
          </>
        ) : null}
      </div>
      <SyncErrorAlert error={round.error} testId="sync-round-error" />
      {showOffline ? (
        <div className="alert alert-warning" data-testid="sync-offline">
          <span className="alert-title">{t('sync.unreachable')}</span>
          <span className="alert-hint">{t('sync.offlineHint')}</span>
          {status.lastErrorCode ? <span className="alert-detail">{lastErrorText(t, status)}</span> : null}
        </div>
      ) : null}

      <dl className="sync-facts">
        <dt>{t('sync.server')}</dt>
        <dd className="sync-url" data-testid="sync-server">
          {status.serverUrl}
        </dd>
        <dt>{t('sync.engineer')}</dt>
        <dd data-testid="sync-engineer">
          {profile?.name}
          {engineer ? <span className="muted"> · {engineer.email}</span> : null}
        </dd>
        <dt>{t('sync.lastSync')}</dt>
        <dd data-testid="sync-last">
          {status.lastSyncAt ? (
            <>
              <time className="num" dateTime={status.lastSyncAt}>
                {formatDateTime(status.lastSyncAt, language)}
              </time>
              <span className="muted"> · {formatRelative(status.lastSyncAt, now, language)}</span>
            </>
          ) : (
            <span className="muted">{t('sync.never')}</span>
          )}
        </dd>
        <dt>{t('sync.pending')}</dt>
        <dd className="num" data-testid="sync-pending">
          {status.pending > 0 ? t('sync.pendingCount', { count: status.pending }) : <span className="muted">{t('sync.pendingNone')}</span>}
        </dd>
        <dt>{t('sync.live')}</dt>
        <dd className="sync-live" data-live={status.connected} data-testid="sync-live">
          <Icon name={status.connected ? 'live' : 'notLive'} size={13} />
          {status.connected ? t('sync.liveOn') : t('sync.liveOff')}
        </dd>
      </dl>

      <RejectedChanges rejected={status.rejected} />
      <SyncCheck />
    </div>
  );
}
