import { useTranslation } from 'react-i18next';
import { COST_MODELS } from '../../../../shared/domain/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useStore } from '../../store/store';

/** One button per cost model: fills the editor with the engine's template for it. */
export function TemplatePicker() {
  const { t } = useTranslation();
  const loading = useStore((s) => s.templateLoading);
  const error = useStore((s) => s.templateError);
  const apply = useStore((s) => s.applyTemplate);
  return (
    <section
      className="editor-section template-picker"
      aria-labelledby="template-title"
      aria-busy={loading !== null}
      data-testid="template-picker"
    >
      <h3 id="template-title" className="section-title">
        {t('contractEditor.template')}
      </h3>
      <div className="template-buttons">
        {COST_MODELS.map((model) => (
          <button
            key={model}
            type="button"
            className="btn btn-small"
            disabled={loading !== null}
            data-testid={`template-${model}`}
            onClick={() => void apply(model)}
          >
            {t(`contract.costModels.${model}`)}
          </button>
        ))}
      </div>
      <p className="field-hint">{t('contractEditor.templateHint')}</p>
      <ErrorAlert error={error} testId="template-error" />
    </section>
  );
}
