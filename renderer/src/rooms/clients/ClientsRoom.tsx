import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { TopBar } from '../../components/TopBar';
import { useStore } from '../../store/store';
import { ClientDetail } from './ClientDetail';
import { ClientTable } from './ClientTable';
import { ContractEditor } from './ContractEditor';
import './clients.css';
import './contract.css';
import './closures.css';
import './contractPreview.css';

/** Every client in a table; a client's name opens its platforms and contract, where the contract is edited. */
export function ClientsRoom() {
  const { t } = useTranslation();
  const count = useStore((s) => s.clients.length);
  const ready = useStore((s) => s.clientsStatus === 'ready');
  const search = useStore((s) => s.clientSearch);
  const setSearch = useStore((s) => s.setClientSearch);
  const openDialog = useStore((s) => s.openDialog);
  const selected = useStore((s) => s.selectedClientId !== null);
  const editing = useStore((s) => s.contractEditorFor !== null && s.contractEditorFor === s.selectedClientId);

  return (
    <section className="room" aria-labelledby="room-title" data-testid="room-clients">
      <TopBar
        title={t('clients.title')}
        count={ready ? t('clients.count', { count }) : undefined}
        search={
          selected
            ? undefined
            : { label: t('clients.search'), placeholder: t('clients.searchPlaceholder'), value: search, onChange: setSearch }
        }
        actions={
          <button type="button" className="btn btn-primary" aria-keyshortcuts="n" onClick={() => openDialog('newClient')}>
            <Icon name="plus" size={14} />
            {t('clients.add')}
            <kbd aria-hidden="true">N</kbd>
          </button>
        }
      />
      {selected ? editing ? <ContractEditor /> : <ClientDetail /> : <ClientTable />}
    </section>
  );
}
