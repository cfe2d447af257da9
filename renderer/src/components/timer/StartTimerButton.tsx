import { useTranslation } from 'react-i18next';
import { TIMER_SHORTCUT } from '../../lib/timerText';
import { useStore } from '../../store/store';
import { ErrorAlert } from '../ErrorAlert';
import { Icon } from '../Icon';

/** On an incident: start a timer on it, or stop the one running on it. A refusal shows below. */
export function StartTimerButton({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const runningHere = useStore((s) => s.running?.incidentId === incidentId);
  const action = useStore((s) => s.timerAction);
  const start = useStore((s) => s.startTimer);
  const stop = useStore((s) => s.stopTimer);
  const label = runningHere ? t('timer.stop') : t('timer.start');
  const failed = action.failed === 'start' || action.failed === 'stop';

  return (
    <div className="timer-control">
      <button
        type="button"
        className={runningHere ? 'btn btn-small' : 'btn btn-small btn-primary'}
        data-testid="incident-timer"
        aria-keyshortcuts={TIMER_SHORTCUT}
        title={`${t('timer.shortcut')} (${TIMER_SHORTCUT.toUpperCase()})`}
        disabled={action.pending !== null}
        onClick={() => void (runningHere ? stop() : start({ incidentId }))}
      >
        <Icon name={runningHere ? 'pause' : 'time'} size={13} />
        {action.pending === 'start' ? t('timer.starting') : action.pending === 'stop' ? t('timer.stopping') : label}
      </button>
      {runningHere ? <span className="muted timer-here">{t('timer.runningHere')}</span> : null}
      {failed ? (
        <ErrorAlert
          error={action.error}
          testId="timer-error"
          title={action.failed === 'start' ? t('timer.startFailed') : t('timer.stopFailed')}
        />
      ) : null}
    </div>
  );
}
