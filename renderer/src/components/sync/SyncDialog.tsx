import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/store';
import { Dialog } from '../Dialog';
import { ErrorAlert } from '../ErrorAlert';
import { PairingForm } from './PairingForm';
import { SyncOverview } from './SyncOverview';
import './sync.css';

/** The office-server panel: the pairing form until this laptop is paired, then its sync overview. */
export function SyncDialog() {
  const { t } = useTranslation();
  const close = useStore((s) => s.closeDialog);
  const status = useStore((s) => s.sync);
  const loadError = useStore((s) => s.syncError);

  return (
    <Dialog title={t('sync.title')} onClose={close} testId="sync-dialog" wide>
      {status === null ? (
        loadError ? (
          <ErrorAlert error={loadError} testId="sync-load-error" />
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )
      ) : status.state === 'unpaired' ? (
        <PairingForm onCancel={close} />
      ) : (
        <SyncOverview />
      )}
    </Dialog>
  );
}
