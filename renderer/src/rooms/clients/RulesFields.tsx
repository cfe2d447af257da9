import { useTranslation } from 'react-i18next';
import { controlProps, Field } from '../../components/Field';
import { useStore } from '../../store/store';
import { useContractIssue } from './useContractIssue';

/** A number input's value for the draft: an emptied field is sent as not-a-number, so the engine names it. */
function numberFrom(text: string): number {
  return text === '' ? Number.NaN : Number(text);
}

const shown = (n: number) => (Number.isFinite(n) ? n : '');

/** When a clock counts as at risk, how time is billed, how often the level is reviewed. */
export function RulesFields() {
  const { t } = useTranslation();
  const fraction = useStore((s) => s.draft?.atRisk.fraction ?? 0.75);
  const lead = useStore((s) => s.draft?.atRisk.leadMinutes ?? 15);
  const billing = useStore((s) => s.draft?.billingIncrementMinutes ?? 15);
  const review = useStore((s) => s.draft?.reviewCadenceMonths ?? 3);
  const edit = useStore((s) => s.editDraft);
  const issue = useContractIssue();
  const fractionError = issue('atRisk.fraction');
  const leadError = issue('atRisk.leadMinutes');
  const billingError = issue('billingIncrementMinutes');
  const reviewError = issue('reviewCadenceMonths');

  return (
    <section className="editor-section" aria-labelledby="rules-title">
      <h3 id="rules-title" className="section-title">
        {t('contract.atRisk')} · {t('contract.billing')} · {t('contract.review')}
      </h3>
      <div className="form-grid form-grid-4">
        <Field id="contract-at-risk-fraction" label={t('contractEditor.atRiskFraction')} error={fractionError}>
          <input
            {...controlProps('contract-at-risk-fraction', fractionError)}
            className="input num"
            type="number"
            min={0}
            max={100}
            step={5}
            value={shown(Math.round(fraction * 1000) / 10)}
            onChange={(e) => edit((d) => ({ ...d, atRisk: { ...d.atRisk, fraction: numberFrom(e.target.value) / 100 } }))}
          />
        </Field>
        <Field id="contract-at-risk-lead" label={t('contractEditor.atRiskLead')} error={leadError}>
          <input
            {...controlProps('contract-at-risk-lead', leadError)}
            className="input num"
            type="number"
            min={0}
            step={5}
            value={shown(lead)}
            onChange={(e) => edit((d) => ({ ...d, atRisk: { ...d.atRisk, leadMinutes: numberFrom(e.target.value) } }))}
          />
        </Field>
        <Field id="contract-billing" label={t('contractEditor.billingIncrement')} error={billingError}>
          <input
            {...controlProps('contract-billing', billingError)}
            className="input num"
            type="number"
            min={1}
            max={240}
            value={shown(billing)}
            onChange={(e) => edit((d) => ({ ...d, billingIncrementMinutes: numberFrom(e.target.value) }))}
          />
        </Field>
        <Field id="contract-review" label={t('contractEditor.reviewCadence')} error={reviewError}>
          <input
            {...controlProps('contract-review', reviewError)}
            className="input num"
            type="number"
            min={1}
            max={24}
            value={shown(review)}
            onChange={(e) => edit((d) => ({ ...d, reviewCadenceMonths: numberFrom(e.target.value) }))}
          />
        </Field>
      </div>
    </section>
  );
}
