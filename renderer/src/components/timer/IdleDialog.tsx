import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdleChoice, IdleQuestion } from '../../../../shared/contract/idle';
import { formatDateTime } from '../../i18n/format';
import { formatMinutes } from '../../lib/timerText';
import { useStore } from '../../store/store';
import { Dialog } from '../Dialog';
import { ErrorAlert } from '../ErrorAlert';

/**
 * The engine saw the machine idle past the team's threshold while the timer ran (docs/time.md,
 * "Idle"): a modal with no close button, answered with one of four choices. "Book it separately"
 * comes last, after where to book it: a client, and optionally one of its open incidents (none:
 * the client without incident), so the Tab order runs through the choice before its button.
 */
export function IdleDialog({ question }: { question: IdleQuestion }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const target = useStore((s) => (s.running?.id === question.entry.id ? s.runningTarget : null));
  const clients = useStore((s) => s.clients);
  const state = useStore((s) => s.idleAnswer);
  const answer = useStore((s) => s.answerIdle);
  const incidents = useStore((s) => s.idleIncidents);
  const loadIncidents = useStore((s) => s.loadIdleIncidents);
  const [clientId, setClientId] = useState('');
  const [incidentId, setIncidentId] = useState('');
  useEffect(() => {
    void loadIncidents(clientId || null);
  }, [clientId, loadIncidents]);
  const from = formatDateTime(question.idleFrom, language);
  const name = target ? [target.clientCode, target.incidentTitle].filter(Boolean).join(' · ') : t('timer.running');
  const hints: Record<IdleChoice, string> = {
    keep: t('idle.keepHint'),
    discard: t('idle.discardHint', { from }),
    discardContinue: t('idle.discardContinueHint', { from }),
    separate: t('idle.separateHint'),
  };
  const labels: Record<IdleChoice, string> = {
    keep: t('idle.keep'),
    discard: t('idle.discard'),
    discardContinue: t('idle.discardContinue'),
    separate: t('idle.separate'),
  };
  const choices = question.choices.filter((c) => c !== 'separate');
  const rows = incidents?.clientId === clientId ? incidents.rows : [];

  const button = (c: IdleChoice, primary: boolean) => (
    <button
      key={c}
      type="button"
      className={primary ? 'btn stale-answer btn-primary' : 'btn stale-answer'}
      data-testid={`idle-answer-${c}`}
      data-autofocus={primary ? true : undefined}
      disabled={state.pending || (c === 'separate' && clientId === '')}
      aria-describedby={`idle-hint-${c}`}
      onClick={() => void answer(c, clientId ? { clientId, ...(incidentId ? { incidentId } : {}) } : undefined)}
    >
      <span className="stale-answer-label">{labels[c]}</span>
      <span className="stale-answer-hint" id={`idle-hint-${c}`}>
        {hints[c]}
      </span>
    </button>
  );

  return (
    <Dialog title={t('idle.title')} testId="idle-dialog">
      <p data-testid="idle-body">
        {t('idle.body', {
          from,
          returned: formatDateTime(question.returnedAt, language),
          span: formatMinutes(t, question.idleMinutes),
          target: name,
        })}
      </p>
      <fieldset className="stale-answers">
        <legend>{t('idle.question')}</legend>
        {choices.map((c, i) => button(c, i === 0))}
      </fieldset>
      {question.choices.includes('separate') ? (
        <fieldset className="stale-answers">
          <legend>{t('idle.separateLegend')}</legend>
          <label className="field">
            <span className="field-label">{t('idle.client')}</span>
            <select
              className="select"
              data-testid="idle-client"
              value={clientId}
              onChange={(e) => {
                setClientId(e.target.value);
                setIncidentId('');
              }}
            >
              <option value="">—</option>
              {clients.map((c) => (
                <option key={c.id} value={c.id}>{`${c.name} (${c.code})`}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('idle.incident')}</span>
            <select
              className="select"
              data-testid="idle-incident"
              value={incidentId}
              disabled={clientId === ''}
              onChange={(e) => setIncidentId(e.target.value)}
            >
              <option value="">{t('idle.noIncident')}</option>
              {rows.map((r) => (
                <option key={r.id} value={r.id}>{`${r.priority} · ${r.title}`}</option>
              ))}
            </select>
          </label>
          {button('separate', false)}
        </fieldset>
      ) : null}
      {state.error ? <ErrorAlert error={state.error} testId="idle-error" title={t('idle.failed')} /> : null}
    </Dialog>
  );
}
