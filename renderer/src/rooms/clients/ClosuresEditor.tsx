import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Closure } from '../../../../shared/sla/calendar';
import { Icon } from '../../components/Icon';
import { todayIn } from '../../lib/zonedTime';
import { useStore } from '../../store/store';
import { ClosureImportButton, ClosureImportPanel } from './ClosureImport';
import { closureWhen } from './closureText';
import { useContractIssue } from './useContractIssue';

/** The agency's own closed days besides public holidays, typed in or imported from an iCal file; spans are kept as they are. */
export function ClosuresEditor() {
  const { t } = useTranslation();
  const closures = useStore((s) => s.draft?.closures);
  const timeZone = useStore((s) => s.draft?.timeZone ?? 'Europe/Amsterdam');
  const edit = useStore((s) => s.editDraft);
  const language = useStore((s) => s.language);
  const issue = useContractIssue();
  const importButton = useRef<HTMLButtonElement>(null);
  if (!closures) return null;

  function change(index: number, closure: Closure | null): void {
    edit((d) => ({
      ...d,
      closures: closure === null ? d.closures.filter((_, i) => i !== index) : d.closures.map((c, i) => (i === index ? closure : c)),
    }));
  }

  function add(): void {
    let today: string;
    try {
      today = todayIn(timeZone);
    } catch {
      today = todayIn('Europe/Amsterdam');
    }
    edit((d) => ({ ...d, closures: [...d.closures, { kind: 'days', from: today, to: today }] }));
  }

  return (
    <section className="editor-section" aria-labelledby="closures-title">
      <h3 id="closures-title" className="section-title">
        {t('contract.closures')}
      </h3>
      <p className="field-hint">{t('contractEditor.closuresHint')}</p>
      {closures.length > 0 ? (
        <ul className="closures" data-testid="closures">
          {closures.map((closure, i) => {
            const error = issue(`closures.${i}`);
            return (
              <li key={i} className="closure" data-testid="closure">
                {closure.kind === 'days' ? (
                  <>
                    <input
                      type="date"
                      className="input input-date"
                      value={closure.from}
                      aria-label={`${t('contract.closures')} ${i + 1}: ${t('contractEditor.from')}`}
                      aria-invalid={error ? true : undefined}
                      onChange={(e) =>
                        change(i, { ...closure, from: e.target.value, to: closure.to < e.target.value ? e.target.value : closure.to })
                      }
                    />
                    <span aria-hidden="true">–</span>
                    <input
                      type="date"
                      className="input input-date"
                      value={closure.to}
                      aria-label={`${t('contract.closures')} ${i + 1}: ${t('contractEditor.until')}`}
                      aria-invalid={error ? true : undefined}
                      onChange={(e) => change(i, { ...closure, to: e.target.value })}
                    />
                  </>
                ) : (
                  <span className="closure-span num">
                    {t('contractEditor.span')}: {closureWhen(closure, language, timeZone)}
                  </span>
                )}
                <input
                  className="input closure-label"
                  value={closure.label ?? ''}
                  placeholder={t('contractEditor.closureLabelPlaceholder')}
                  aria-label={`${t('contract.closures')} ${i + 1}: ${t('contractEditor.closureLabel')}`}
                  onChange={(e) => change(i, { ...closure, label: e.target.value || undefined })}
                />
                <button
                  type="button"
                  className="btn btn-ghost btn-icon btn-tiny"
                  aria-label={`${t('contractEditor.removeClosure')} ${i + 1}`}
                  onClick={() => change(i, null)}
                >
                  <Icon name="trash" size={13} />
                </button>
                {error ? <span className="field-error closure-error">{error}</span> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="closure-actions">
        <button type="button" className="btn btn-small" data-testid="closure-add" onClick={add}>
          <Icon name="plus" size={12} />
          {t('contractEditor.addClosure')}
        </button>
        <ClosureImportButton buttonRef={importButton} />
      </div>
      <ClosureImportPanel buttonRef={importButton} />
    </section>
  );
}
