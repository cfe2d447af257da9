import { useTranslation } from 'react-i18next';
import { useStore } from '../store/store';
import { SyncIndicator } from './sync/SyncIndicator';

/**
 * Reserved for what an engineer must see at a glance: sync with the office server, on-call duty and
 * the running timer. On-call and the timer state plainly that they are not active until they land.
 */
export function StatusBar() {
  const { t } = useTranslation();
  const connection = useStore((s) => s.connection);
  return (
    <footer className="statusbar" aria-label={t('status.bar')} data-testid="status-bar">
      <SyncIndicator />
      {connection !== 'connected' ? (
        <span className="status-item status-warning" role="status" data-testid="status-connection">
          <span className="dot dot-warning" aria-hidden="true" />
          {connection === 'connecting' ? t('status.connecting') : t('status.reconnecting')}
        </span>
      ) : null}
      <span className="status-spacer" />
      <span className="status-item" data-testid="status-oncall">
        {t('status.oncallNone')}
      </span>
      <span className="status-item num" data-testid="status-timer">
        {t('status.noTimer')}
      </span>
    </footer>
  );
}
