import { useTranslation } from 'react-i18next';
import type { Contract } from '../../../../shared/domain/contract';
import { formatDateTime, formatLocalDate } from '../../i18n/format';
import { useEngineerName } from '../../lib/useEngineers';
import { useStore } from '../../store/store';

/** Every version, newest first: which one is in force, which are replaced or still to come. */
export function ContractHistory({ history, currentId }: { history: Contract[]; currentId: string | null }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const nameOf = useEngineerName();
  const current = history.find((c) => c.id === currentId);

  function state(version: Contract): 'current' | 'upcoming' | 'past' {
    if (version.id === currentId) return 'current';
    if (!current || version.effectiveFrom > current.effectiveFrom) return 'upcoming';
    return 'past';
  }

  return (
    <section className="contract-history" aria-labelledby="contract-history-title">
      <h4 id="contract-history-title" className="section-title">
        {t('contract.history')}
      </h4>
      <ol className="versions" data-testid="contract-versions">
        {history.map((version) => {
          const s = state(version);
          return (
            <li key={version.id} className="version" data-state={s} data-testid="contract-version">
              <span className="version-from num">
                {t('contract.versionFrom', { date: formatLocalDate(version.effectiveFrom, language) })}
              </span>
              <span className="version-model">{t(`contract.costModels.${version.terms.costModel}`)}</span>
              <span className="version-state">
                {t(s === 'current' ? 'contract.versionCurrent' : s === 'upcoming' ? 'contract.versionUpcoming' : 'contract.versionPast')}
              </span>
              <span className="version-by muted">
                {t('contract.versionBy', { name: nameOf(version.createdBy) ?? '', when: formatDateTime(version.createdAt, language) })}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
