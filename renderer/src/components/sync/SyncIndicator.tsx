import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/store';
import { Icon } from '../Icon';
import { ClockSkewChip } from './ClockSkewChip';
import { useSyncSummary } from './useSyncSummary';

/**
 * The status bar's sync item: a coloured dot and the state in words, the realtime link, what waits
 * to be sent, what the server refused, and a clock far off the server's. Clicking it opens the sync panel.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const openDialog = useStore((s) => s.openDialog);
  const sync = useSyncSummary();

  if (!sync) return <span className="status-item" data-testid="status-sync" />;
  const { status, summary } = sync;
  const paired = status.state !== 'unpaired';
  const showLive = paired && summary.tone !== 'warning';
  const showPending = status.pending > 0 && paired && !summary.countsPending;

  return (
    <button
      type="button"
      className="status-sync"
      data-testid="status-sync"
      data-state={status.state}
      title={t('status.openSync')}
      onClick={() => openDialog('sync')}
    >
      <span className="status-item">
        <span className={`dot dot-${summary.tone}`} data-pulse={summary.tone === 'busy' || summary.retrying} aria-hidden="true" />
        <span className="status-sync-label" data-testid="status-sync-label">
          {summary.label}
        </span>
      </span>
      {showLive ? (
        <span
          className="status-item status-live"
          data-live={status.connected}
          data-testid="status-live"
          title={status.connected ? t('status.liveTitle') : t('status.notLiveTitle')}
        >
          <Icon name={status.connected ? 'live' : 'notLive'} size={12} />
          {status.connected ? t('status.live') : t('status.notLive')}
        </span>
      ) : null}
      {showPending ? (
        <span
          className="status-item status-chip num"
          data-testid="status-pending"
          title={t('status.pendingTitle', { count: status.pending })}
        >
          <Icon name="arrowUp" size={11} />
          {t('status.pending', { count: status.pending })}
        </span>
      ) : null}
      <ClockSkewChip />
      {status.rejected.length > 0 ? (
        <span className="status-item status-chip status-chip-danger num" data-testid="status-rejected" title={t('status.rejectedTitle')}>
          <Icon name="alert" size={11} />
          {t('status.rejected', { count: status.rejected.length })}
        </span>
      ) : null}
    </button>
  );
}
