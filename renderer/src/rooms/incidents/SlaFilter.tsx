import { useTranslation } from 'react-i18next';
import type { SlaScope } from '../../store/incidentListSlice';
import { useStore } from '../../store/store';

const SCOPES: { value: SlaScope; label: 'atRisk' | 'breached'; title: 'atRiskTitle' | 'breachedTitle' }[] = [
  { value: 'at_risk', label: 'atRisk', title: 'atRiskTitle' },
  { value: 'breached', label: 'breached', title: 'breachedTitle' },
];

/** "At risk" and "Breached": two toggles, at most one on (the engine filters on one of them). */
export function SlaFilter() {
  const { t } = useTranslation();
  const sla = useStore((s) => s.filter.sla);
  const setFilter = useStore((s) => s.setFilter);
  return (
    <div className="filter" role="group" aria-label={t('incidents.filterSla')}>
      <span className="filter-label" aria-hidden="true">
        {t('incidents.filterSla')}
      </span>
      <div className="chips">
        {SCOPES.map((scope) => (
          <button
            key={scope.value}
            type="button"
            className={`chip chip-sla chip-${scope.value}`}
            aria-pressed={sla === scope.value}
            title={t(`incidents.${scope.title}`)}
            data-testid={`filter-sla-${scope.value}`}
            onClick={() => setFilter({ sla: sla === scope.value ? null : scope.value })}
          >
            <span className="chip-dot" aria-hidden="true" />
            {t(`incidents.${scope.label}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
