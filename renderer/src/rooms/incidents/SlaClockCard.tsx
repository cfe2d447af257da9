import { useTranslation } from 'react-i18next';
import type { ClockView } from '../../../../shared/sla/view';
import type { ClockName } from '../../components/SlaChip';
import { formatDue } from '../../i18n/format';
import { useEverySecond } from '../../lib/clock';
import { type ClockState, formatCountdown, formatMinutes, liveClock } from '../../lib/slaClock';
import { useDurationUnits } from '../../lib/useDurationUnits';
import { useExplanationText } from '../../lib/explanationText';
import { useStore } from '../../store/store';

/**
 * One clock, large: the countdown in its state's colour, the due instant, the target and the
 * engine's explanation of how the due instant was reached (data), rendered in the language on screen.
 */
export function SlaClockCard({ clock, name }: { clock: ClockView; name: ClockName }) {
  const { t } = useTranslation();
  const units = useDurationUnits();
  const explanation = useExplanationText(clock.explanation);
  const language = useStore((s) => s.language);
  const face = useEverySecond((now) => {
    const live = liveClock(clock, now);
    return `${live.state}|${live.remainingMs === null ? '' : formatCountdown(live.remainingMs, units)}`;
  });
  const split = face.indexOf('|');
  const state = face.slice(0, split) as ClockState;
  const countdown = face.slice(split + 1);
  const overdue = countdown.startsWith('\u2212');

  let big: string;
  let caption: string | null = null;
  switch (state) {
    case 'ok':
    case 'at_risk':
    case 'breached':
      big = overdue ? countdown.slice(1) : countdown;
      caption = overdue ? t('sla.overdue') : t('sla.left');
      break;
    case 'paused':
      big = t('sla.state.paused');
      break;
    case 'met':
      big = t('sla.state.met');
      break;
    default:
      big = '—';
  }

  let when: string | null = null;
  if (state === 'met' && clock.stoppedAt) when = t('sla.metAt', { when: formatDue(clock.stoppedAt, language) });
  else if (state === 'paused' && clock.remainingMs !== null && clock.remainingMs > 0)
    when = t('sla.pausedLeft', { time: formatCountdown(clock.remainingMs, units) });
  else if (clock.dueAt) when = t(overdue ? 'sla.wasDue' : 'sla.dueAt', { when: formatDue(clock.dueAt, language) });

  const calendar = clock.calendar === '24/7' ? t('sla.calendar.always') : clock.calendar ? t('sla.calendar.business') : null;
  const target =
    clock.targetMinutes === null
      ? null
      : `${t('sla.target', { time: formatMinutes(clock.targetMinutes, units) })}${calendar ? ` · ${calendar}` : ''}`;

  return (
    <section className="clock-card" data-state={state} data-testid={`clock-${name}`} aria-labelledby={`clock-${name}-title`}>
      <header className="clock-head">
        <h4 id={`clock-${name}-title`} className="clock-name">
          {t(`sla.${name}`)}
        </h4>
        <span className="clock-state" data-testid="clock-state">
          {t(`sla.state.${state}`)}
        </span>
      </header>
      <p className="clock-big">
        <span className="clock-countdown num" data-testid="clock-countdown">
          {big}
        </span>
        {caption ? <span className="clock-caption">{caption}</span> : null}
      </p>
      {when ? <p className="clock-when num">{when}</p> : null}
      {target ? <p className="clock-target">{target}</p> : <p className="clock-target">{t('sla.noTarget')}</p>}
      {explanation ? (
        <p className="clock-explanation" data-testid="clock-explanation">
          {explanation}
        </p>
      ) : null}
    </section>
  );
}
