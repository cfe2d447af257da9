import { useTranslation } from 'react-i18next';
import { useStore } from '../store/store';

/**
 * Reserved for what an engineer must see at a glance: sync with the office server, on-call duty and
 * the running timer. Until those features land it states plainly that none are active.
 */
export function StatusBar() {
  const { t } = useTranslation();
  const connection = useStore((s) => s.connection);
  return (
    <footer className="statusbar" aria-label={t('status.bar')} data-testid="status-bar">
      <span className="status-item" data-testid="status-sync">
        <span className="dot dot-local" aria-hidden="true" />
        {t('status.localOnly')}
      </span>
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
