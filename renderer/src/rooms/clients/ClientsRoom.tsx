import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { TopBar } from '../../components/TopBar';
import { useStore } from '../../store/store';
import { ClientTable } from './ClientTable';
import './clients.css';

export function ClientsRoom() {
  const { t } = useTranslation();
  const count = useStore((s) => s.clients.length);
  const ready = useStore((s) => s.clientsStatus === 'ready');
  const search = useStore((s) => s.clientSearch);
  const setSearch = useStore((s) => s.setClientSearch);
  const openDialog = useStore((s) => s.openDialog);

  return (
    <section className="room" aria-labelledby="room-title" data-testid="room-clients">
      <TopBar
        title={t('clients.title')}
        count={ready ? t('clients.count', { count }) : undefined}
        search={{ label: t('clients.search'), placeholder: t('clients.searchPlaceholder'), value: search, onChange: setSearch }}
        actions={
          <button type="button" className="btn btn-primary" aria-keyshortcuts="n" onClick={() => openDialog('newClient')}>
            <Icon name="plus" size={14} />
            {t('clients.add')}
            <kbd aria-hidden="true">N</kbd>
          </button>
        }
      />
      <ClientTable />
    </section>
  );
}
