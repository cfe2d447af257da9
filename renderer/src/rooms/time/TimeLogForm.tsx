import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { controlProps, Field } from '../../components/Field';
import { issueFor } from '../../lib/issues';
import { useStore } from '../../store/store';

/** A finished entry by hand on a client (`time.log`); the engine checks it and names what is wrong. */
export function TimeLogForm() {
  const { t } = useTranslation();
  const clients = useStore((s) => s.clients);
  const state = useStore((s) => s.timeLog);
  const logTime = useStore((s) => s.logTime);
  const [clientId, setClientId] = useState('');
  const [start, setStart] = useState('');
  const [minutes, setMinutes] = useState('');
  const [note, setNote] = useState('');
  const [logged, setLogged] = useState(false);
  const startError = issueFor(t, state.error, 'startedAt');
  const minutesError = issueFor(t, state.error, 'minutes');
  const clientError = issueFor(t, state.error, 'incidentId') ?? issueFor(t, state.error, 'clientId');

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setLogged(false);
    const ok = await logTime({ clientId, start, minutes: minutes.trim() === '' ? Number.NaN : Number(minutes), note });
    if (ok) {
      setMinutes('');
      setNote('');
      setLogged(true);
    }
  }

  return (
    <form className="time-log" aria-labelledby="time-log-title" data-testid="time-log-form" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="time-log-title" className="time-caption">
        {t('timeLog.title')}
      </h2>
      <div className="time-log-fields">
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
    </form>
  );
}
