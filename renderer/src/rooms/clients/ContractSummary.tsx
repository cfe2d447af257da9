import { useTranslation } from 'react-i18next';
import type { ContractTerms } from '../../../../shared/domain/contract';
import { PRIORITIES } from '../../../../shared/domain/incident';
import type { SlaTarget } from '../../../../shared/sla/policy';
import { PriorityBadge } from '../../components/PriorityBadge';
import { formatMinutes } from '../../lib/slaClock';
import { useDurationUnits } from '../../lib/useDurationUnits';
import { useStore } from '../../store/store';
import { closureText } from './closureText';
import { summariseWeek } from './contractText';

/** A contract version's terms, readable at a glance: the targets table first, then the calendar. */
export function ContractSummary({ terms }: { terms: ContractTerms }) {
  const { t } = useTranslation();
  const units = useDurationUnits();
  const language = useStore((s) => s.language);

  function target(value: SlaTarget | null) {
    if (!value) return <span className="muted">{t('sla.bestEffort')}</span>;
    return (
      <>
        <span className="num">{formatMinutes(value.minutes, units)}</span>
        <span className="target-calendar">{value.calendar === '24/7' ? '24/7' : t('sla.calendar.business')}</span>
      </>
    );
  }

  const country = terms.holidays?.country;
  const countryName = country && (['NL', 'BE', 'DE', 'GB', 'FR'] as const).find((c) => c === country);

  return (
    <div className="contract-summary" data-testid="contract-summary">
      <table className="targets-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('priority.label')}</span>
            </th>
            <th scope="col">{t('sla.response')}</th>
            <th scope="col">{t('sla.resolution')}</th>
          </tr>
        </thead>
        <tbody>
          {PRIORITIES.map((p) => (
            <tr key={p}>
              <th scope="row">
                <PriorityBadge priority={p} />
              </th>
              <td>{target(terms.targets[p].response)}</td>
              <td>{target(terms.targets[p].resolution)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="terms">
        <dt>{t('contract.costModel')}</dt>
        <dd data-testid="contract-cost-model">{t(`contract.costModels.${terms.costModel}`)}</dd>
        <dt>{t('contract.businessHours')}</dt>
        <dd className="num">{summariseWeek(t, terms.businessHours) || t('contract.closed')}</dd>
        <dt>{t('contract.timeZone')}</dt>
        <dd>{terms.timeZone}</dd>
        <dt>{t('contract.holidays')}</dt>
        <dd>{country ? (countryName ? t(`contract.country.${countryName}`) : country) : t('contract.holidaysNone')}</dd>
        <dt>{t('contract.closures')}</dt>
        <dd>
          {terms.closures.length === 0 ? (
            t('contract.closuresNone')
          ) : (
            <ul className="closure-summary">
              {terms.closures.map((c, i) => (
                <li key={i} data-testid="contract-closure">
                  {closureText(c, language, terms.timeZone)}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('contract.atRisk')}</dt>
        <dd>
          {t('contract.atRiskValue', {
            percent: Math.round(terms.atRisk.fraction * 100),
            lead: formatMinutes(terms.atRisk.leadMinutes, units),
          })}
        </dd>
        <dt>{t('contract.billing')}</dt>
        <dd>{t('contract.billingValue', { minutes: terms.billingIncrementMinutes })}</dd>
        <dt>{t('contract.review')}</dt>
        <dd>{t('contract.reviewValue', { count: terms.reviewCadenceMonths })}</dd>
      </dl>
    </div>
  );
}
