import type { TFunction } from 'i18next';

/** The key that starts or stops the timer on the selected incident (no field focused). */
export const TIMER_SHORTCUT = 't';

/** A running timer's elapsed time as a stopwatch shows it: "0:07:05", "12:30:00"; never negative. */
export function formatElapsed(ms: number): string {
  const total = Number.isFinite(ms) ? Math.max(0, Math.floor(ms / 1000)) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return `${hours}:${pad(minutes)}:${pad(seconds)}`;
}

/** Whole minutes as an engineer reads them, per locale: "45 min", "1 h 05 min" / "1 u 05 min". */
export function formatMinutes(t: TFunction, minutes: number): string {
  const whole = Math.max(0, Math.floor(minutes));
  if (whole < 60) return t('duration.minutes', { minutes: whole });
  return t('duration.hoursMinutes', { hours: Math.floor(whole / 60), minutes: pad(whole % 60) });
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** What the timer key does: stop a timer running on the selected incident (or on anything when none is selected), else start one there. */
export function timerKeyAction(
  running: { incidentId: string | null } | null,
  selectedIncidentId: string | null,
): { do: 'start'; incidentId: string } | { do: 'stop' } | { do: 'nothing' } {
  if (selectedIncidentId === null) return running ? { do: 'stop' } : { do: 'nothing' };
  if (running?.incidentId === selectedIncidentId) return { do: 'stop' };
  return { do: 'start', incidentId: selectedIncidentId };
}
