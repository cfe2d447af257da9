import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COST_MODELS, type CostModel } from '../../../../shared/domain/contract';
import { controlProps, Field } from '../../components/Field';
import { useStore } from '../../store/store';
import { useContractIssue } from './useContractIssue';

const COUNTRIES = ['NL', 'BE', 'DE', 'GB', 'FR'] as const;

/** Cost model, start date, time zone and public holidays. */
export function TermsFields() {
  const { t } = useTranslation();
  const costModel = useStore((s) => s.draft?.costModel ?? 'subscription');
  const timeZone = useStore((s) => s.draft?.timeZone ?? '');
  const country = useStore((s) => s.draft?.holidays?.country ?? '');
  const effectiveFrom = useStore((s) => s.effectiveFrom);
  const setEffectiveFrom = useStore((s) => s.setEffectiveFrom);
  const edit = useStore((s) => s.editDraft);
  const issue = useContractIssue();
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);

  const modelError = issue('costModel');
  const fromError = issue('effectiveFrom');
  const zoneError = issue('timeZone');
  const holidaysError = issue('holidays');

  return (
    <section className="editor-section" aria-labelledby="terms-title">
      <h3 id="terms-title" className="section-title">
        {t('contractEditor.general')}
      </h3>
      <div className="form-grid">
        <Field id="contract-cost-model" label={t('contract.costModel')} error={modelError}>
          <select
            {...controlProps('contract-cost-model', modelError)}
            className="select"
            value={costModel}
            onChange={(e) => edit((d) => ({ ...d, costModel: e.target.value as CostModel }))}
          >
            {COST_MODELS.map((m) => (
              <option key={m} value={m}>
                {t(`contract.costModels.${m}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="contract-effective-from" label={t('contractEditor.effectiveFrom')} error={fromError}>
          <input
            {...controlProps('contract-effective-from', fromError)}
            className="input"
            type="date"
            value={effectiveFrom}
            onChange={(e) => setEffectiveFrom(e.target.value)}
          />
        </Field>
        <Field id="contract-time-zone" label={t('contract.timeZone')} error={zoneError} hint={t('contractEditor.timeZoneHint')}>
          <input
            {...controlProps('contract-time-zone', zoneError, t('contractEditor.timeZoneHint'))}
            className="input"
            list="contract-time-zones"
            spellCheck={false}
            value={timeZone}
            onChange={(e) => edit((d) => ({ ...d, timeZone: e.target.value.trim() }))}
          />
          <datalist id="contract-time-zones">
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </Field>
        <Field id="contract-holidays" label={t('contract.holidays')} error={holidaysError}>
          <select
            {...controlProps('contract-holidays', holidaysError)}
            className="select"
            value={country}
            onChange={(e) => edit((d) => ({ ...d, holidays: e.target.value ? { country: e.target.value } : null }))}
          >
            {COUNTRIES.map((c) => (
              <option key={c} value={c}>
                {t(`contract.country.${c}`)} ({c})
              </option>
            ))}
            {country && !(COUNTRIES as readonly string[]).includes(country) ? <option value={country}>{country}</option> : null}
            <option value="">{t('contract.holidaysNone')}</option>
          </select>
        </Field>
      </div>
    </section>
  );
}
