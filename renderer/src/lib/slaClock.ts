import type { ClockView } from '../../../shared/sla/view';

export type ClockState = ClockView['state'];

export interface LiveClock {
  state: ClockState;
  /** Wall-clock time to the due instant (negative: overdue); null when there is nothing to count. */
  remainingMs: number | null;
  /** True while the clock runs, so the countdown moves. */
  ticking: boolean;
}

const COUNTING: readonly ClockState[] = ['ok', 'at_risk', 'breached'];

/**
 * A clock as it stands at `now`. While nothing happens to an incident its due and at-risk instants
 * stay put, so a running clock is read locally: the countdown is `dueAt − now`, and it turns amber
 * at `atRiskAt` and red at `dueAt` without asking the engine again.
 */
export function liveClock(clock: ClockView, now: number): LiveClock {
  if (clock.running && clock.dueAt && COUNTING.includes(clock.state)) {
    const remainingMs = Date.parse(clock.dueAt) - now;
    let state: ClockState = 'ok';
    if (remainingMs <= 0) state = 'breached';
    else if (clock.atRiskAt && now >= Date.parse(clock.atRiskAt)) state = 'at_risk';
    return { state, remainingMs, ticking: true };
  }
  if (clock.state === 'breached' && clock.dueAt && clock.stoppedAt) {
    // Stopped after its due instant: overdue by a fixed amount.
    return { state: 'breached', remainingMs: Date.parse(clock.dueAt) - Date.parse(clock.stoppedAt), ticking: false };
  }
  return { state: clock.state, remainingMs: clock.remainingMs, ticking: false };
}

export interface DurationUnits {
  d: string;
  h: string;
  m: string;
  s: string;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MINUS = '\u2212';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A countdown for a chip: "2 d 04 h", "3 h 05 m", "14 m 05 s", and overdue "−25 m". Seconds show
 * only in the last hour before a breach, when they matter; an overdue clock counts whole minutes.
 */
export function formatCountdown(ms: number, u: DurationUnits): string {
  const overdue = ms < 0;
  const abs = Math.abs(ms);
  const d = Math.floor(abs / DAY);
  const h = Math.floor((abs % DAY) / HOUR);
  const m = Math.floor((abs % HOUR) / MINUTE);
  const s = Math.floor((abs % MINUTE) / SECOND);
  const sign = overdue ? MINUS : '';
  if (d > 0) return `${sign}${d} ${u.d} ${pad(h)} ${u.h}`;
  if (h > 0) return `${sign}${h} ${u.h} ${pad(m)} ${u.m}`;
  if (overdue) return `${sign}${Math.max(1, m)} ${u.m}`;
  if (m === 0) return `${s} ${u.s}`;
  return `${m} ${u.m} ${pad(s)} ${u.s}`;
}

/** A contract's target in words: 15 → "15 m", 240 → "4 h", 1620 → "27 h", 90 → "1 h 30 m". */
export function formatMinutes(minutes: number, u: DurationUnits): string {
  if (!Number.isFinite(minutes)) return '';
  const whole = Math.round(minutes);
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  if (h === 0) return `${m} ${u.m}`;
  return m === 0 ? `${h} ${u.h}` : `${h} ${u.h} ${pad(m)} ${u.m}`;
}
