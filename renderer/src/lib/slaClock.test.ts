import { describe, expect, it } from 'vitest';
import type { ClockView } from '../../../shared/sla/view';
import { formatCountdown, formatMinutes, liveClock } from './slaClock';

const UNITS = { d: 'd', h: 'h', m: 'm', s: 's' };
const T0 = Date.parse('2026-12-18T15:55:00Z');
const MIN = 60_000;

function clock(patch: Partial<ClockView>): ClockView {
  return {
    state: 'ok',
    running: true,
    targetMinutes: 60,
    calendar: '24/7',
    dueAt: new Date(T0 + 60 * MIN).toISOString(),
    atRiskAt: new Date(T0 + 45 * MIN).toISOString(),
    breachedAt: null,
    stoppedAt: null,
    remainingMs: 60 * MIN,
    elapsedMs: 0,
    pausedMs: 0,
    ...patch,
  };
}

describe('liveClock', () => {
  it('counts a running clock down on the wall clock and turns amber, then red, by itself', () => {
    const c = clock({});
    expect(liveClock(c, T0)).toEqual({ state: 'ok', remainingMs: 60 * MIN, ticking: true });
    expect(liveClock(c, T0 + 45 * MIN).state).toBe('at_risk');
    expect(liveClock(c, T0 + 60 * MIN).state).toBe('breached');
    expect(liveClock(c, T0 + 85 * MIN)).toEqual({ state: 'breached', remainingMs: -25 * MIN, ticking: true });
  });

  it('leaves paused, met and best-effort clocks as the engine said', () => {
    expect(liveClock(clock({ state: 'paused', running: false, remainingMs: 30 * MIN }), T0 + 999 * MIN)).toEqual({
      state: 'paused',
      remainingMs: 30 * MIN,
      ticking: false,
    });
    expect(liveClock(clock({ state: 'met', running: false }), T0 + 999 * MIN).state).toBe('met');
    expect(liveClock(clock({ state: 'none', running: false, dueAt: null, atRiskAt: null, remainingMs: null }), T0).remainingMs).toBeNull();
  });

  it('shows a clock that stopped after its due instant as overdue by a fixed amount', () => {
    const late = clock({ state: 'breached', running: false, stoppedAt: new Date(T0 + 70 * MIN).toISOString() });
    expect(liveClock(late, T0 + 999 * MIN)).toEqual({ state: 'breached', remainingMs: -10 * MIN, ticking: false });
  });
});

describe('formatCountdown', () => {
  it('says days and hours, hours and minutes, and seconds only in the last hour', () => {
    expect(formatCountdown((2 * 24 * 60 + 4 * 60 + 10) * MIN, UNITS)).toBe('2 d 04 h');
    expect(formatCountdown((3 * 60 + 5) * MIN + 59_000, UNITS)).toBe('3 h 05 m');
    expect(formatCountdown(14 * MIN + 5_000, UNITS)).toBe('14 m 05 s');
    expect(formatCountdown(43_000, UNITS)).toBe('43 s');
  });

  it('counts overdue time in whole minutes with a minus sign', () => {
    expect(formatCountdown(-25 * MIN - 30_000, UNITS)).toBe('\u221225 m');
    expect(formatCountdown(-10_000, UNITS)).toBe('\u22121 m');
    expect(formatCountdown(-(13 * 60 + 5) * MIN, UNITS)).toBe('\u221213 h 05 m');
  });
});

describe('formatMinutes', () => {
  it('writes a target in hours and minutes', () => {
    expect(formatMinutes(15, UNITS)).toBe('15 m');
    expect(formatMinutes(240, UNITS)).toBe('4 h');
    expect(formatMinutes(90, UNITS)).toBe('1 h 30 m');
    expect(formatMinutes(1620, { ...UNITS, h: 'u' })).toBe('27 u');
  });
});
