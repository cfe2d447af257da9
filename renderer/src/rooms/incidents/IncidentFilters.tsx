import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { INCIDENT_STATUSES, PRIORITIES, type Priority } from '../../../../shared/domain/incident';
import { CategorySelect } from '../../components/CategorySelect';
import { useEngineerOptions } from '../../lib/useEngineers';
import { type IncidentSort, isFiltered, type ScopeFilter, type StatusScope } from '../../store/incidentListSlice';
import { useStore } from '../../store/store';
import { SlaFilter } from './SlaFilter';

const SORTS: { value: IncidentSort; key: 'sortSla' | 'sortPriority' | 'sortOpened' | 'sortUpdated' }[] = [
  { value: 'sla', key: 'sortSla' },
  { value: 'priority', key: 'sortPriority' },
  { value: 'opened', key: 'sortOpened' },
  { value: 'updated', key: 'sortUpdated' },
];

/** Client, priority, status, assignee, category, scope (support or change requests), SLA and sort; every change asks the engine for a fresh first page. */
export function IncidentFilters() {
  const { t } = useTranslation();
  const { filter, setFilter, clearFilters } = useStore(
    useShallow((s) => ({ filter: s.filter, setFilter: s.setFilter, clearFilters: s.clearFilters })),
  );
  const clients = useStore((s) => s.clients);
  const engineers = useEngineerOptions();

  function togglePriority(p: Priority): void {
    const priorities = filter.priorities.includes(p) ? filter.priorities.filter((x) => x !== p) : [...filter.priorities, p].sort();
    setFilter({ priorities });
  }

  return (
    <div className="filters" role="group" aria-label={t('incidents.filters')} data-testid="incident-filters">
      <label className="filter">
        <span className="filter-label">{t('incidents.filterClient')}</span>
        <select
          className="select select-compact"
          value={filter.clientId ?? ''}
          data-testid="filter-client"
          onChange={(e) => setFilter({ clientId: e.target.value || null })}
        >
          <option value="">{t('incidents.allClients')}</option>
          {clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.code} · {c.name}
            </option>
          ))}
        </select>
      </label>

      <div className="filter" role="group" aria-label={t('incidents.filterPriority')}>
        <span className="filter-label" aria-hidden="true">
          {t('incidents.filterPriority')}
        </span>
        <div className="chips">
          {PRIORITIES.map((p) => (
            <button
              key={p}
              type="button"
              className={`chip chip-${p.toLowerCase()}`}
              aria-pressed={filter.priorities.includes(p)}
              title={`${p} — ${t(`priority.hint.${p}`)}`}
              data-testid={`filter-priority-${p}`}
              onClick={() => togglePriority(p)}
            >
              {p}
            </button>
          ))}
        </div>
      </div>

      <label className="filter">
        <span className="filter-label">{t('incidents.filterStatus')}</span>
        <select
          className="select select-compact"
          value={filter.status}
          data-testid="filter-status"
          onChange={(e) => setFilter({ status: e.target.value as StatusScope })}
        >
          <option value="open">{t('incidents.statusOpen')}</option>
          <option value="all">{t('incidents.statusAll')}</option>
          {INCIDENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`incidentStatus.${s}`)}
            </option>
          ))}
        </select>
      </label>

      <label className="filter">
        <span className="filter-label">{t('incidents.filterAssignee')}</span>
        <select
          className="select select-compact"
          value={filter.assigneeId ?? ''}
          data-testid="filter-assignee"
          onChange={(e) => setFilter({ assigneeId: e.target.value || null })}
        >
          <option value="">{t('incidents.anyone')}</option>
          {engineers.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
            </option>
          ))}
        </select>
      </label>

      <label className="filter">
        <span className="filter-label">{t('incidents.filterCategory')}</span>
        <CategorySelect
          className="select select-compact"
          value={filter.category}
          emptyLabel={t('incidents.allCategories')}
          testId="filter-category"
          onChange={(category) => setFilter({ category })}
        />
      </label>

      <label className="filter">
        <span className="filter-label">{t('scopeFilter.label')}</span>
        <select
          className="select select-compact"
          value={filter.scope ?? ''}
          data-testid="filter-scope"
          onChange={(e) => setFilter({ scope: (e.target.value || null) as ScopeFilter | null })}
        >
          <option value="">{t('scopeFilter.all')}</option>
          <option value="support">{t('scopeFilter.support')}</option>
          <option value="change_request">{t('scopeFilter.changeRequests')}</option>
        </select>
      </label>

      <SlaFilter />

      <label className="filter">
        <span className="filter-label">{t('incidents.sort')}</span>
        <select
          className="select select-compact"
          value={filter.sort}
          data-testid="sort"
          onChange={(e) => setFilter({ sort: e.target.value as IncidentSort })}
        >
          {SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {t(`incidents.${s.key}`)}
            </option>
          ))}
        </select>
      </label>

      {isFiltered(filter) ? (
        <button type="button" className="btn btn-ghost btn-small" onClick={clearFilters}>
          {t('incidents.clearFilters')}
        </button>
      ) : null}
    </div>
  );
}
