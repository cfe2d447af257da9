import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { formatMinutes } from '../../lib/timerText';
import { useStore } from '../../store/store';
import { Dialog } from '../Dialog';

/**
 * Stopping a timer that ran over 24 hours books all of it (the engine allows up to a week): likely a
 * forgotten timer, so ask first. Esc or "Keep it running" leaves it running; focus starts there.
 */
export function LongStopDialog() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const running = useStore((s) => s.running);
  const target = useStore((s) => s.runningTarget);
  const stop = useStore((s) => s.stopTimer);
  const cancel = useStore((s) => s.cancelLongStop);
  // The duration as it was when asked: what "Stop and book" names (the engine stops at its own now).
  const [askedAt] = useState(() => Date.now());
  if (!running) return null;
  const minutes = Math.floor((askedAt - Date.parse(running.startedAt)) / 60_000);
  const name = target ? [target.clientCode, target.incidentTitle].filter(Boolean).join(' · ') : t('timer.running');
  return (
    <Dialog title={t('timer.longStopTitle')} onClose={cancel} testId="long-stop-dialog">
      <p>
        {t('timer.longStopBody', {
          target: name,
          startedAt: formatDateTime(running.startedAt, language),
          duration: formatMinutes(t, minutes),
        })}
      </p>
      <div className="form-actions">
        <button type="button" className="btn" data-autofocus onClick={cancel}>
          {t('timer.longStopKeep')}
        </button>
        <button type="button" className="btn btn-primary" data-testid="long-stop-confirm" onClick={() => void stop(true)}>
          {t('timer.longStopConfirm', { duration: formatMinutes(t, minutes) })}
        </button>
      </div>
    </Dialog>
  );
}
