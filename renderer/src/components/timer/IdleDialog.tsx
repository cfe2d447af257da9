import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdleChoice, IdleQuestion } from '../../../../shared/contract/idle';
import { formatDateTime } from '../../i18n/format';
import { formatMinutes } from '../../lib/timerText';
import { useStore } from '../../store/store';
import { Dialog } from '../Dialog';
import { ErrorAlert } from '../ErrorAlert';

/**
 * The engine saw the machine idle past the team's threshold while the timer ran (docs/time.md,
 * "Idle"): a modal with no close button, answered with one of four choices.
 */
export function IdleDialog({ question }: { question: IdleQuestion }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const target = useStore((s) => (s.running?.id === question.entry.id ? s.runningTarget : null));
  const clients = useStore((s) => s.clients);
  const state = useStore((s) => s.idleAnswer);
  const answer = useStore((s) => s.answerIdle);
  const [clientId, setClientId] = useState('');
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
        {question.choices.map((c, i) => (
          <button
            key={c}
            type="button"
            className={i === 0 ? 'btn stale-answer btn-primary' : 'btn stale-answer'}
            data-testid={`idle-answer-${c}`}
            data-autofocus={i === 0 ? true : undefined}
            disabled={state.pending || (c === 'separate' && clientId === '')}
            aria-describedby={`idle-hint-${c}`}
            onClick={() => void answer(c, clientId)}
          >
            <span className="stale-answer-label">{labels[c]}</span>
            <span className="stale-answer-hint" id={`idle-hint-${c}`}>
              {hints[c]}
            </span>
          </button>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('idle.client')}</span>
        <select data-testid="idle-client" value={clientId} onChange={(e) => setClientId(e.target.value)}>
          <option value="">—</option>
          {clients.map((c) => (
            <option key={c.id} value={c.id}>{`${c.name} (${c.code})`}</option>
          ))}
        </select>
      </label>
      {state.error ? <ErrorAlert error={state.error} testId="idle-error" title={t('idle.failed')} /> : null}
    </Dialog>
  );
}
