import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClockView } from '../../../shared/sla/view';
import { formatDue } from '../i18n/format';
import { useEverySecond } from '../lib/clock';
import { type ClockState, formatCountdown, liveClock } from '../lib/slaClock';
import { useDurationUnits } from '../lib/useDurationUnits';
import { useStore } from '../store/store';
import { Icon } from './Icon';

export type ClockName = 'response' | 'resolution';

interface SlaChipProps {
  /** The clock, or null when the client has no contract in force (best effort). */
  clock: ClockView | null;
  name: ClockName;
}

/**
 * One SLA clock as a compact chip: "3 h 05 m", amber when at risk, red and "−25 m" when overdue,
 * grey when paused, a green check when met, a muted dash for best effort. Each chip follows the
 * shared one-second clock by itself, so the row around it never re-renders for the countdown.
 */
export const SlaChip = memo(function SlaChip({ clock, name }: SlaChipProps) {
  const { t } = useTranslation();
  const units = useDurationUnits();
  const language = useStore((s) => s.language);
  // Encoded as one string so the chip re-renders only when what it shows changes.
  const face = useEverySecond((now) => {
    if (!clock) return 'none|';
    const live = liveClock(clock, now);
    const counting = live.remainingMs !== null && (live.state === 'ok' || live.state === 'at_risk' || live.state === 'breached');
    return `${live.state}|${counting ? formatCountdown(live.remainingMs ?? 0, units) : ''}`;
  });
  const split = face.indexOf('|');
  const state = face.slice(0, split) as ClockState;
  const countdown = face.slice(split + 1);
  const clockName = t(`sla.${name}`);

  let text: string;
  let sentence: string;
  switch (state) {
    case 'ok':
    case 'at_risk':
    case 'breached':
      text = countdown || '—';
      sentence = countdown.startsWith('\u2212')
        ? t('sla.aria.overdue', { clock: clockName, time: countdown.slice(1) })
        : t('sla.aria.due', { clock: clockName, time: countdown });
      break;
    case 'paused':
      text = t('sla.chipPaused');
      sentence = t('sla.aria.paused', { clock: clockName });
      break;
    case 'met':
      text = '';
      sentence = t('sla.aria.met', { clock: clockName });
      break;
    default:
      text = '—';
      sentence = t('sla.aria.none', { clock: clockName });
  }
  const due = clock?.dueAt && state !== 'met' && state !== 'none' ? ` · ${t('sla.dueAt', { when: formatDue(clock.dueAt, language) })}` : '';

  return (
    <span className="sla-chip" data-state={state} data-testid={`sla-${name}`} title={`${sentence}${due}`}>
      {state === 'met' ? <Icon name="check" size={13} /> : null}
      {state === 'paused' ? <Icon name="pause" size={11} /> : null}
      <span className="sla-chip-text num" aria-hidden="true" data-testid="sla-chip-text">
        {text}
      </span>
      <span className="visually-hidden">{sentence}</span>
    </span>
  );
});
