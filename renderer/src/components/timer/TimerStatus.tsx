import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useEverySecond } from '../../lib/clock';
import { formatElapsed, TIMER_SHORTCUT } from '../../lib/timerText';
import { useStore } from '../../store/store';
import { Icon } from '../Icon';
import { LongStopDialog } from './LongStopDialog';

/** The running timer in the status bar: what it is on, its elapsed time from the stored start, and Stop. */
export function TimerStatus() {
  const { t } = useTranslation();
  const running = useStore((s) => s.running);
  const target = useStore((s) => s.runningTarget);
  const pending = useStore((s) => s.timerAction.pending);
  const stop = useStore((s) => s.stopTimer);
  const longStop = useStore((s) => s.longStop);
  const startedAt = running ? Date.parse(running.startedAt) : null;
  const elapsed = useEverySecond((now) => (startedAt === null ? '' : formatElapsed(now - startedAt)));

  if (!running) {
    return (
      <span className="status-item num" data-testid="status-timer">
        {t('status.noTimer')}
      </span>
    );
  }
  const name = target ? [target.clientCode, target.incidentTitle].filter(Boolean).join(' · ') : '';
  return (
    <span className="status-item status-timer" data-testid="status-timer" role="group" aria-label={t('timer.running')}>
      <span className="dot dot-timer" aria-hidden="true" />
      <span className="status-timer-target" title={name}>
        {name ? t('timer.runningOn', { target: name }) : t('timer.running')}
      </span>
      <time className="num" dateTime={running.startedAt} data-testid="status-timer-elapsed">
        {elapsed}
      </time>
      <button
        type="button"
        className="btn btn-small btn-statusbar"
        data-testid="status-timer-stop"
        aria-keyshortcuts={TIMER_SHORTCUT}
        title={`${t('timer.stop')} (${TIMER_SHORTCUT.toUpperCase()})`}
        disabled={pending !== null}
        onClick={() => void stop()}
      >
        <Icon name="pause" size={12} />
        {pending === 'stop' ? t('timer.stopping') : t('timer.stop')}
      </button>
      {/* Out of the status bar's DOM: its one-line, small-print styles would reach into the dialog. */}
      {longStop ? createPortal(<LongStopDialog />, document.body) : null}
    </span>
  );
}
