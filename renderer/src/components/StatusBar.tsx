import { useTranslation } from 'react-i18next';
import { useStore } from '../store/store';
import { SyncIndicator } from './sync/SyncIndicator';
import { TimerStatus } from './timer/TimerStatus';
import '../styles/timer.css';

/**
 * Reserved for what an engineer must see at a glance: sync with the office server, on-call duty and
 * the running timer. On-call states plainly that it is not active until it lands.
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
      <TimerStatus />
    </footer>
  );
}
