import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListedTimeEntry } from '../../../../shared/contract/time';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { controlProps, Field } from '../../components/Field';
import { TIME_ZONE } from '../../i18n/format';
import { issueFor } from '../../lib/issues';
import { formatMinutes } from '../../lib/timerText';
import { wallTime, wallToIso } from '../../lib/zonedTime';
import { useStore } from '../../store/store';
import { LongEntryConfirm } from './LongEntryConfirm';
import { isLongSpan, MAX_CONFIRMED_MINUTES, spanProblem } from './entrySpan';

/** `YYYY-MM-DDTHH:mm` of an instant in the team's zone: what a datetime-local field holds. */
function local(iso: string): string {
  const w = wallTime(Date.parse(iso), TIME_ZONE);
  return `${w.date}T${String(Math.floor(w.minute / 60)).padStart(2, '0')}:${String(w.minute % 60).padStart(2, '0')}`;
}

/**
 * Edits (start, end, note, billable) or deletes one entry, always with a reason (`time.update`,
 * `time.delete`); the engine's refusal shows beside the field it names, and nothing is lost.
 */
export function EntryDialog({ entry, mode, onDone }: { entry: ListedTimeEntry; mode: 'edit' | 'delete'; onDone(saved: boolean): void }) {
  const { t } = useTranslation();
  const state = useStore((s) => s.entryChange);
  const editEntry = useStore((s) => s.editEntry);
  const deleteEntry = useStore((s) => s.deleteEntry);
  const [start, setStart] = useState(() => local(entry.startedAt));
  const [end, setEnd] = useState(() => (entry.endedAt ? local(entry.endedAt) : ''));
  const [note, setNote] = useState(entry.note);
  const [billable, setBillable] = useState(entry.billable);
  const [confirmLong, setConfirmLong] = useState(false);
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const [spanError, setSpanError] = useState<string | undefined>();
  const reasonError = missingReason ? t('timeEntries.reasonRequired') : issueFor(t, state.error, 'reason');
  const startError = issueFor(t, state.error, 'startedAt');
  const endError = spanError ?? issueFor(t, state.error, 'endedAt');
  const when = `${start.replace('T', ' ')}`;

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (reason.trim() === '') return setMissingReason(true);
    setMissingReason(false);
    // Over a day or ending in the future: the engine refuses it, so say so by the end field first.
    const problem =
      mode === 'edit' && entry.endedAt
        ? spanProblem(Date.parse(wallToIso(start, TIME_ZONE) ?? ''), Date.parse(wallToIso(end, TIME_ZONE) ?? ''), Date.now(), confirmLong)
        : null;
    const text =
      problem === 'tooLong'
        ? t('timeEntries.tooLong', { max: MAX_CONFIRMED_MINUTES })
        : problem === 'needsConfirm'
          ? t('timeEntries.needsConfirm')
          : problem === 'inFuture'
          ? t('timeEntries.endInFuture')
          : undefined;
    setSpanError(text);
    if (text) return;
    const ok =
      mode === 'delete'
        ? await deleteEntry(entry.id, reason)
        : await editEntry({ id: entry.id, start, end: entry.endedAt ? end : null, note, billable, reason, confirmLong }, entry);
    if (ok) onDone(true);
  }

  return (
    <Dialog
      title={mode === 'edit' ? t('timeEntries.editTitle') : t('timeEntries.deleteTitle')}
      onClose={() => onDone(false)}
      testId="entry-dialog"
    >
      <form className="entry-form" onSubmit={(e) => void submit(e)} noValidate>
        {mode === 'delete' ? (
          <p>{t('timeEntries.deleteBody', { time: when, minutes: formatMinutes(t, entry.minutes) })}</p>
        ) : (
          <>
            <Field id="entry-start" label={t('timeEntries.start')} error={startError}>
              <input
                className="input"
                type="datetime-local"
                value={start}
                onChange={(e) => setStart(e.target.value)}
                {...controlProps('entry-start', startError)}
              />
            </Field>
            {entry.endedAt ? (
              <Field id="entry-end" label={t('timeEntries.end')} error={endError}>
                <input
                  className="input"
                  type="datetime-local"
                  value={end}
                  onChange={(e) => setEnd(e.target.value)}
                  {...controlProps('entry-end', endError)}
                />
              </Field>
            ) : null}
            {entry.endedAt && isLongSpan(Date.parse(wallToIso(start, TIME_ZONE) ?? ''), Date.parse(wallToIso(end, TIME_ZONE) ?? '')) ? (
              <LongEntryConfirm checked={confirmLong} onChange={setConfirmLong} testId="entry-confirm-long" />
            ) : null}
            <Field id="entry-note" label={t('timeEntries.note')} optional>
              <input className="input" id="entry-note" value={note} onChange={(e) => setNote(e.target.value)} />
            </Field>
            <label className="entry-check">
              <input type="checkbox" checked={billable} onChange={(e) => setBillable(e.target.checked)} data-testid="entry-billable" />{' '}
              {t('timeEntries.billable')}
            </label>
          </>
        )}
        <Field id="entry-reason" label={t('timeEntries.reason')} error={reasonError}>
          <input
            className="input"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-autofocus
            {...controlProps('entry-reason', reasonError)}
          />
        </Field>
        <ErrorAlert
          error={state.error}
          testId="entry-error"
          title={mode === 'edit' ? t('timeEntries.saveFailed') : t('timeEntries.deleteFailed')}
        />
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => onDone(false)}>
            {t('timeEntries.cancel')}
          </button>
          <button type="submit" className={'btn btn-primary'} disabled={state.pending} data-testid="entry-submit">
            {mode === 'edit' ? t('timeEntries.save') : t('timeEntries.confirmDelete')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
