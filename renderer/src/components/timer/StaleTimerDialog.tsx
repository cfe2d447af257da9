import { useTranslation } from 'react-i18next';
import type { StaleTimerQuestion } from '../../../../shared/contract/time';
import { formatDateTime } from '../../i18n/format';
import { formatMinutes } from '../../lib/timerText';
import { useStore } from '../../store/store';
import { Dialog } from '../Dialog';
import { ErrorAlert } from '../ErrorAlert';

type Answer = StaleTimerQuestion['answers'][number];

/**
 * The engine found this engineer's timer running with an old heartbeat (a crash, a night's sleep):
 * a modal with no close button, answered with one of the engine's answers.
 */
export function StaleTimerDialog({ question }: { question: StaleTimerQuestion }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const target = useStore((s) => (s.running?.id === question.entry.id ? s.runningTarget : null));
  const action = useStore((s) => s.timerAction);
  const answer = useStore((s) => s.answerStaleQuestion);
  const lastHeartbeat = formatDateTime(question.lastHeartbeatAt, language);
  const name = target ? [target.clientCode, target.incidentTitle].filter(Boolean).join(' · ') : t('timer.running');
  const texts: Record<Answer, { label: string; hint: string }> = {
    stopAtHeartbeat: { label: t('staleTimer.stopAtHeartbeat', { lastHeartbeat }), hint: t('staleTimer.stopAtHeartbeatHint') },
    keep: { label: t('staleTimer.keep'), hint: t('staleTimer.keepHint') },
    splitGap: { label: t('staleTimer.splitGap'), hint: t('staleTimer.splitGapHint', { lastHeartbeat }) },
  };

  return (
    <Dialog title={t('staleTimer.title')} testId="stale-timer-dialog">
      <p data-testid="stale-timer-body">
        {t('staleTimer.body', {
          target: name,
          startedAt: formatDateTime(question.entry.startedAt, language),
          lastHeartbeat,
          gap: formatMinutes(t, question.gapMinutes),
        })}
      </p>
      <fieldset className="stale-answers">
        <legend>{t('staleTimer.question')}</legend>
        {question.answers.map((a, i) => (
          <button
            key={a}
            type="button"
            className={i === 0 ? 'btn stale-answer btn-primary' : 'btn stale-answer'}
            data-testid={`stale-answer-${a}`}
            data-autofocus={i === 0 ? true : undefined}
            disabled={action.pending !== null}
            aria-describedby={`stale-hint-${a}`}
            onClick={() => void answer(a)}
          >
            <span className="stale-answer-label">{texts[a].label}</span>
            <span className="stale-answer-hint" id={`stale-hint-${a}`}>
              {texts[a].hint}
            </span>
          </button>
        ))}
      </fieldset>
      {action.failed === 'answer' ? <ErrorAlert error={action.error} testId="stale-timer-error" title={t('staleTimer.failed')} /> : null}
    </Dialog>
  );
}
