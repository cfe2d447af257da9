import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/store';
import { Icon } from '../Icon';
import { useSyncSummary } from './useSyncSummary';

/** "Office server" in the sidebar footer: the settings entry for sync, with the state's dot. */
export function SidebarSyncEntry() {
  const { t } = useTranslation();
  const openDialog = useStore((s) => s.openDialog);
  const sync = useSyncSummary();
  const status = sync?.status;
  const summary = sync?.summary;

  return (
    <button type="button" className="sidebar-entry" data-testid="sidebar-sync" title={summary?.label} onClick={() => openDialog('sync')}>
      <Icon name="server" />
      <span className="sidebar-entry-label">{t('sync.open')}</span>
      {summary ? (
        <>
          <span className={`dot dot-${summary.tone}`} aria-hidden="true" />
          <span className="visually-hidden">{summary.label}</span>
        </>
      ) : null}
      {status && status.rejected.length > 0 ? (
        <>
          <span className="sidebar-entry-badge num" aria-hidden="true">
            {status.rejected.length}
          </span>
          <span className="visually-hidden">{t('status.rejected', { count: status.rejected.length })}</span>
        </>
      ) : null}
    </button>
  );
}
