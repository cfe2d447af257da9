import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { useStore } from '../../store/store';
import { BusinessHoursEditor } from './BusinessHoursEditor';
import { ClosuresEditor } from './ClosuresEditor';
import { RulesFields } from './RulesFields';
import { TargetsEditor } from './TargetsEditor';
import { TemplatePicker } from './TemplatePicker';
import { TermsFields } from './TermsFields';
import { WeekPreview } from './WeekPreview';
import { WhatIfPanel } from './WhatIfPanel';

/**
 * Writes a new contract version: the terms on the left, and on the right what they mean — the
 * covered hours of a week and when an incident reported at a given moment would be due.
 */
export function ContractEditor() {
  const { t } = useTranslation();
  const client = useStore((s) => s.clients.find((c) => c.id === s.contractEditorFor));
  const hasContract = useStore((s) => (s.contracts?.history.length ?? 0) > 0);
  const ready = useStore((s) => s.draft !== null);
  const save = useStore((s) => s.contractSave);
  const saveContract = useStore((s) => s.saveContract);
  const close = useStore((s) => s.closeContractEditor);

  return (
    <form
      className="contract-editor"
      aria-labelledby="contract-editor-title"
      data-testid="contract-editor"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void saveContract();
      }}
      onKeyDown={(e) => {
        // A new version is saved with the button, not by Enter in one of thirty fields.
        if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
      }}
    >
      <header className="editor-head">
        <button type="button" className="btn btn-ghost btn-small back-button" onClick={close}>
          <Icon name="chevronLeft" size={14} />
          {client?.name}
        </button>
        <div className="editor-title-row">
          <h2 id="contract-editor-title">{hasContract ? t('contractEditor.titleEdit') : t('contractEditor.titleNew')}</h2>
          <span className="spacer" />
          <button type="button" className="btn" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!ready || save.pending} data-testid="contract-save">
            {save.pending ? t('contractEditor.saving') : t('contractEditor.save')}
          </button>
        </div>
        <p className="muted editor-intro">{t('contractEditor.intro')}</p>
        <ErrorAlert error={save.error} testId="contract-save-error" />
      </header>
      <div className="editor-body">
        <div className="editor-form">
          <TemplatePicker />
          {ready ? (
            <>
              <TermsFields />
              <BusinessHoursEditor />
              <ClosuresEditor />
              <TargetsEditor />
              <RulesFields />
            </>
          ) : (
            <p className="muted">{t('common.loading')}</p>
          )}
        </div>
        <aside className="editor-preview" aria-label={t('contractEditor.week.title')}>
          {ready ? (
            <>
              <WeekPreview />
              <WhatIfPanel />
            </>
          ) : null}
        </aside>
      </div>
    </form>
  );
}
