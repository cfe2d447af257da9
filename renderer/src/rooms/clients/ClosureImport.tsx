import { type RefObject, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Closure } from '../../../../shared/sla/calendar';
import { Icon } from '../../components/Icon';
import { errorText } from '../../lib/errorText';
import type { IcalNote } from '../../store/closureImportSlice';
import { useStore } from '../../store/store';
import { closureWhen, icalReasonText } from './closureText';

/** "Import iCal…": a button that opens the file picker; the file is read in the page and parsed by the engine. */
export function ClosureImportButton({ buttonRef }: { buttonRef: RefObject<HTMLButtonElement | null> }) {
  const { t } = useTranslation();
  const importFile = useStore((s) => s.importIcalFile);
  const reading = useStore((s) => s.closureImport.step === 'reading');
  const input = useRef<HTMLInputElement>(null);

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-small"
        data-testid="ical-import"
        aria-busy={reading}
        disabled={reading}
        onClick={() => input.current?.click()}
      >
        <Icon name="calendar" size={12} />
        {t('contractEditor.icalImport.button')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".ics,text/calendar"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        data-testid="ical-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared, so picking the same file again (after fixing it) is a change too.
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />
    </>
  );
}

function ClosureList({ closures, testId }: { closures: readonly Closure[]; testId: string }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const timeZone = useStore((s) => s.draft?.timeZone ?? 'Europe/Amsterdam');
  return (
    <ul className="ical-list" data-testid={testId}>
      {closures.map((c, i) => (
        <li key={i} data-testid="ical-closure">
          <span className="ical-when num">{closureWhen(c, language, timeZone)}</span>
          <span className="ical-name">{c.label ?? t('contractEditor.icalImport.untitled')}</span>
        </li>
      ))}
    </ul>
  );
}

function Notes({ notes }: { notes: readonly IcalNote[] }) {
  const { t } = useTranslation();
  if (notes.length === 0) return null;
  return (
    <>
      <p className="ical-subtitle">{t('contractEditor.icalImport.notes')}</p>
      <ul className="ical-list ical-notes" data-testid="ical-notes">
        {notes.map((n, i) => (
          <li key={i}>
            <span className="ical-name">{n.summary}</span>
            <span className="ical-reason">{icalReasonText(t, n)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * What an import would add, and the choice to add it; or why the file adds nothing. Focus moves
 * here when it appears and back to the import button when it is done with.
 */
export function ClosureImportPanel({ buttonRef }: { buttonRef: RefObject<HTMLButtonElement | null> }) {
  const { t } = useTranslation();
  const state = useStore((s) => s.closureImport);
  const confirm = useStore((s) => s.confirmClosureImport);
  const dismiss = useStore((s) => s.dismissClosureImport);
  const panel = useRef<HTMLDivElement>(null);
  const step = state.step;

  useEffect(() => {
    if (step === 'preview' || step === 'failed') panel.current?.focus();
  }, [step, state]);

  function done(action: () => void): void {
    action();
    buttonRef.current?.focus();
  }

  if (state.step === 'idle') return null;
  if (state.step === 'reading') {
    return (
      <p className="field-hint" role="status" data-testid="ical-reading">
        {t('contractEditor.icalImport.reading', { file: state.fileName })}
      </p>
    );
  }
  if (state.step === 'added') {
    return (
      <p className="ical-added" role="status" data-testid="ical-added">
        <Icon name="check" size={13} />
        {t('contractEditor.icalImport.added', { count: state.count, file: state.fileName })}
      </p>
    );
  }
  if (state.step === 'failed') {
    const { problem, error, fileName } = state;
    const detail = problem === 'engine' || problem === 'unreadable' ? (error ? errorText(t, error) : null) : null;
    return (
      <div ref={panel} className="alert ical-panel" role="alert" tabIndex={-1} data-testid="ical-error">
        <span className="alert-title">{t(`contractEditor.icalImport.problem.${problem}`, { file: fileName })}</span>
        <span className="alert-hint">{t(`contractEditor.icalImport.problemHint.${problem}`)}</span>
        {detail ? <span className="alert-detail">{detail}</span> : null}
        <span className="alert-detail">{t('contractEditor.icalImport.nothingChanged')}</span>
        <Notes notes={state.notes} />
        <div className="ical-actions">
          <button type="button" className="btn btn-small" onClick={() => done(dismiss)}>
            {t('contractEditor.icalImport.close')}
          </button>
        </div>
      </div>
    );
  }

  const { added, duplicates, fileName, notes } = state;
  return (
    <div
      ref={panel}
      className="ical-panel ical-preview"
      role="group"
      aria-labelledby="ical-preview-title"
      tabIndex={-1}
      data-testid="ical-preview"
    >
      <p id="ical-preview-title" className="ical-title">
        {added.length > 0
          ? t('contractEditor.icalImport.toAdd', { count: added.length, file: fileName })
          : t('contractEditor.icalImport.nothingNew', { file: fileName })}
      </p>
      {added.length > 0 ? <ClosureList closures={added} testId="ical-new" /> : null}
      {duplicates.length > 0 ? (
        <>
          <p className="ical-subtitle">{t('contractEditor.icalImport.duplicates', { count: duplicates.length })}</p>
          <ClosureList closures={duplicates} testId="ical-duplicates" />
        </>
      ) : null}
      <Notes notes={notes} />
      <div className="ical-actions">
        {added.length > 0 ? (
          <button type="button" className="btn btn-primary btn-small" data-testid="ical-confirm" onClick={() => done(confirm)}>
            {t('contractEditor.icalImport.confirm', { count: added.length })}
          </button>
        ) : null}
        <button type="button" className="btn btn-small" data-testid="ical-cancel" onClick={() => done(dismiss)}>
          {added.length > 0 ? t('common.cancel') : t('contractEditor.icalImport.close')}
        </button>
      </div>
      {added.length > 0 ? <p className="field-hint">{t('contractEditor.icalImport.unsaved')}</p> : null}
    </div>
  );
}
