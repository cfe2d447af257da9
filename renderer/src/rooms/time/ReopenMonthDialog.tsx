import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { controlProps, Field } from '../../components/Field';
import { issueFor } from '../../lib/issues';
import { useStore } from '../../store/store';

/** A lead reopens a client's closed month (`month.reopen`): the reason is required and kept in the row and the audit trail. */
export function ReopenMonthDialog({
  clientId,
  month,
  label,
  onDone,
}: {
  clientId: string;
  month: string;
  /** "May 2026 for BAKK", in the interface language. */
  label: string;
  onDone(reopened: boolean): void;
}) {
  const { t } = useTranslation();
  const state = useStore((s) => s.monthReopen);
  const reopen = useStore((s) => s.reopenMonth);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const reasonError = missing ? t('timeEntries.reasonRequired') : issueFor(t, state.error, 'reason');

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (reason.trim() === '') return setMissing(true);
    setMissing(false);
    if (await reopen(clientId, month, reason.trim())) onDone(true);
  }

  return (
    <Dialog title={t('timeEntries.reopenTitle', { month: label })} onClose={() => onDone(false)} testId="reopen-dialog">
      <form className="entry-form" onSubmit={(e) => void submit(e)} noValidate>
        <p>{t('timeEntries.reopenBody')}</p>
        <Field id="reopen-reason" label={t('timeEntries.reason')} error={reasonError}>
          <input
            className="input"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-autofocus
            {...controlProps('reopen-reason', reasonError)}
          />
        </Field>
        <ErrorAlert error={state.error} testId="reopen-error" title={t('timeEntries.reopenFailed')} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => onDone(false)}>
            {t('timeEntries.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={state.pending} data-testid="reopen-submit">
            {t('timeEntries.reopen')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
