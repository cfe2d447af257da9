import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { TopBar } from '../../components/TopBar';
import { useStore } from '../../store/store';
import { BundlingSuggestion } from './BundlingSuggestion';
import { IncidentDetailPane } from './IncidentDetailPane';
import { IncidentFilters } from './IncidentFilters';
import { IncidentList } from './IncidentList';
import './list.css';
import './detail.css';

export function IncidentsRoom() {
  const { t } = useTranslation();
  const total = useStore((s) => s.total);
  const search = useStore((s) => s.filter.search);
  const setSearch = useStore((s) => s.setSearch);
  const openDialog = useStore((s) => s.openDialog);
  const hasSelection = useStore((s) => s.selectedId !== null);

  return (
    <section className="room" aria-labelledby="room-title" data-testid="room-incidents">
      <TopBar
        title={t('incidents.title')}
        count={total === null ? undefined : t('incidents.count', { count: total })}
        search={{ label: t('incidents.search'), placeholder: t('incidents.searchPlaceholder'), value: search, onChange: setSearch }}
        actions={
          <button type="button" className="btn btn-primary" aria-keyshortcuts="n" onClick={() => openDialog('newIncident')}>
            <Icon name="plus" size={14} />
            {t('incidents.new')}
            <kbd aria-hidden="true">N</kbd>
          </button>
        }
      />
      <IncidentFilters />
      <BundlingSuggestion />
      <div className={hasSelection ? 'incidents-body has-detail' : 'incidents-body'}>
        <IncidentList />
        {hasSelection ? <IncidentDetailPane /> : null}
      </div>
    </section>
  );
}
