import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { nl } from '../i18n/nl';
import { formatElapsed, formatMinutes, timerKeyAction } from './timerText';

async function translator(lng: 'nl' | 'en'): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({ lng, resources: { en: { translation: en }, nl: { translation: nl } }, interpolation: { escapeValue: false } });
  return i18n.t as unknown as TFunction;
}

describe('formatElapsed', () => {
  it('shows hours, minutes and seconds as a stopwatch', () => {
    expect(formatElapsed(0)).toBe('0:00:00');
    expect(formatElapsed(7 * 60_000 + 5_000)).toBe('0:07:05');
    expect(formatElapsed(12.5 * 3_600_000)).toBe('12:30:00');
    // A week-long forgotten timer still reads as hours, not wrapped into days.
    expect(formatElapsed(7 * 24 * 3_600_000 + 999)).toBe('168:00:00');
  });

  it('never shows a negative or fractional time (a laptop clock behind the start)', () => {
    expect(formatElapsed(-90_000)).toBe('0:00:00');
    expect(formatElapsed(59_999)).toBe('0:00:59');
    expect(formatElapsed(Number.NaN)).toBe('0:00:00');
  });
});

describe('formatMinutes', () => {
  it('reads per locale: "u" for uur in Dutch', async () => {
    const [tEn, tNl] = [await translator('en'), await translator('nl')];
    expect(formatMinutes(tEn, 45)).toBe('45 min');
    expect(formatMinutes(tEn, 65)).toBe('1 h 05 min');
    expect(formatMinutes(tNl, 65)).toBe('1 u 05 min');
    expect(formatMinutes(tNl, 600)).toBe('10 u 00 min');
  });

  it('clamps negative and fractional minutes', async () => {
    const tEn = await translator('en');
    expect(formatMinutes(tEn, -3)).toBe('0 min');
    expect(formatMinutes(tEn, 59.9)).toBe('59 min');
  });
});

describe('timerKeyAction', () => {
  it('starts on the selected incident, or stops the timer running there', () => {
    expect(timerKeyAction(null, 'inc-1')).toEqual({ do: 'start', incidentId: 'inc-1' });
    expect(timerKeyAction({ incidentId: 'inc-1' }, 'inc-1')).toEqual({ do: 'stop' });
  });

  it('switches to the selected incident when the timer runs elsewhere (the engine stops the other)', () => {
    expect(timerKeyAction({ incidentId: 'inc-2' }, 'inc-1')).toEqual({ do: 'start', incidentId: 'inc-1' });
    expect(timerKeyAction({ incidentId: null }, 'inc-1')).toEqual({ do: 'start', incidentId: 'inc-1' });
  });

  it('with no incident selected only stops a running timer', () => {
    expect(timerKeyAction({ incidentId: 'inc-2' }, null)).toEqual({ do: 'stop' });
    expect(timerKeyAction(null, null)).toEqual({ do: 'nothing' });
  });
});
