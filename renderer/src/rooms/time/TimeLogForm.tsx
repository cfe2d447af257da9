import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListedTimeEntry } from '../../../../shared/contract/time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { controlProps, Field } from '../../components/Field';
import { TIME_ZONE } from '../../i18n/format';
import { issueFor } from '../../lib/issues';
import { wallToIso } from '../../lib/zonedTime';
import { useStore } from '../../store/store';
import { EngineerPicker } from './EngineerPicker';
import { LongEntryConfirm } from './LongEntryConfirm';
import { isLongSpan, MAX_CONFIRMED_MINUTES, spanProblem } from './entrySpan';
import { OverlapWarning } from './OverlapWarning';

/**
 * A finished entry by hand on a client (`time.log`), a lead's for any engineer. A span the engine
 * would refuse (over a day, ending in the future) is named beside its field before sending; the
 * engine's own refusal names its field too. Overlaps with other entries come back as a warning.
 */
export function TimeLogForm({ onEdit }: { onEdit(entry: ListedTimeEntry): void }) {
  const { t } = useTranslation();
  const clients = useStore((s) => s.clients);
  const state = useStore((s) => s.timeLog);
  const logTime = useStore((s) => s.logTime);
  const viewed = useStore((s) => s.timeEngineer);
  const [engineer, setEngineer] = useState<string | undefined>();
  const [clientId, setClientId] = useState('');
  const [start, setStart] = useState('');
  const [minutes, setMinutes] = useState('');
  const [note, setNote] = useState('');
  const [confirmLong, setConfirmLong] = useState(false);
  const [logged, setLogged] = useState(false);
  const [local, setLocal] = useState<{ field: 'start' | 'minutes'; text: string } | null>(null);
  const startError =
    (local?.field === 'start' ? local.text : undefined) ?? issueFor(t, state.error, 'startedAt') ?? issueFor(t, state.error, 'endedAt');
  const minutesError = (local?.field === 'minutes' ? local.text : undefined) ?? issueFor(t, state.error, 'minutes');
  const clientError = issueFor(t, state.error, 'incidentId') ?? issueFor(t, state.error, 'clientId');

  /** What the engine would refuse about the span, said here before anything is sent. */
  function check(count: number): typeof local {
    if (!Number.isInteger(count) || count < 1) return { field: 'minutes', text: t('timeEntries.minutesWhole') };
    const startMs = Date.parse(wallToIso(start, TIME_ZONE) ?? '');
    const problem = spanProblem(startMs, startMs + count * 60_000, Date.now(), confirmLong);
    if (problem === 'tooLong') return { field: 'minutes', text: t('timeEntries.tooLong', { max: MAX_CONFIRMED_MINUTES }) };
    if (problem === 'needsConfirm') return { field: 'minutes', text: t('timeEntries.needsConfirm') };
    if (problem === 'inFuture') return { field: 'start', text: t('timeEntries.inFuture') };
    return null;
  }

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setLogged(false);
    const count = minutes.trim() === '' ? Number.NaN : Number(minutes);
    const problem = check(count);
    setLocal(problem);
    if (problem) return;
    const ok = await logTime({ clientId, start, minutes: count, note, engineerId: engineer ?? viewed ?? undefined, confirmLong });
    if (ok) {
      setMinutes('');
      setNote('');
      setConfirmLong(false);
      setLogged(true);
    }
  }

  return (
    <form className="time-log" aria-labelledby="time-log-title" data-testid="time-log-form" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="time-log-title" className="time-caption">
        {t('timeLog.title')}
      </h2>
      <div className="time-log-fields">
        <EngineerPicker value={engineer ?? viewed ?? undefined} onChange={setEngineer} testId="time-log-engineer" />
        <Field id="time-log-client" label={t('timeLog.client')} error={clientError}>
          <select
            className="select"
            value={clientId}
            onChange={(e) => setClientId(e.target.value)}
            {...controlProps('time-log-client', clientError)}
          >
            <option value="">{t('timeLog.chooseClient')}</option>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.code})
              </option>
            ))}
          </select>
        </Field>
        <Field id="time-log-start" label={t('timeLog.start')} error={startError}>
          <input
            className="input"
            type="datetime-local"
            value={start}
            onChange={(e) => setStart(e.target.value)}
            {...controlProps('time-log-start', startError)}
          />
        </Field>
        <Field id="time-log-minutes" label={t('timeLog.minutes')} error={minutesError}>
          <input
            className="input"
            inputMode="numeric"
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            {...controlProps('time-log-minutes', minutesError)}
          />
        </Field>
        {isLongSpan(0, Number(minutes) * 60_000) ? (
          <LongEntryConfirm checked={confirmLong} onChange={setConfirmLong} testId="time-log-confirm-long" />
        ) : null}
        <Field id="time-log-note" label={t('timeLog.note')} optional>
          <input className="input" value={note} onChange={(e) => setNote(e.target.value)} id="time-log-note" />
        </Field>
        <button type="submit" className="btn btn-primary" disabled={state.pending} data-testid="time-log-submit">
          {t('timeLog.submit')}
        </button>
      </div>
      <ErrorAlert error={state.error} testId="time-log-error" title={t('timeLog.failed')} />
      {logged ? (
        <p role="status" className="muted">
          {t('timeLog.logged')}
        </p>
      ) : null}
      <OverlapWarning onEdit={onEdit} />
    </form>
  );
}
