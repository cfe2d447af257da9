import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Explanation } from '../../../shared/sla/explanation';
import { englishExplanation } from '../../../shared/sla/explanationText';
import { en } from '../i18n/en';
import { nl } from '../i18n/nl';
import { explanationOnScreen } from './explanationText';

async function translator(lng: 'nl' | 'en'): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({ lng, resources: { en: { translation: en }, nl: { translation: nl } }, interpolation: { escapeValue: false } });
  return i18n.t as unknown as TFunction;
}

const overChristmas: Explanation = {
  key: 'due',
  params: {
    clock: 'resolution',
    timeZone: 'Europe/Amsterdam',
    at: '2025-12-29T11:10:00.000Z',
    leftMs: null,
    target: { ms: 10 * 3_600_000, alwaysOpen: false },
    startedAt: '2025-12-23T15:00:00.000Z',
    countingFrom: null,
    closures: [{ first: '2025-12-25', last: '2025-12-26', names: [{ nl: 'Kerstmis', en: 'Christmas Day' }, { nl: 'Tweede kerstdag', en: 'Boxing Day' }] }],
    weekends: 1,
    pausedMs: 130 * 60_000,
    stoppedAt: null,
  },
};

describe('SLA explanations on screen', () => {
  it('renders the same data in Dutch and in English with i18next', async () => {
    const [tNl, tEn] = [await translator('nl'), await translator('en')];
    expect(explanationOnScreen(tNl, 'nl', overChristmas)).toBe(
      'uiterlijk ma 29 dec 12:10 — 10 kantooruren vanaf di 23 dec 16:00; slaat Kerstmis en Tweede kerstdag (25–26 dec) en het weekend over; 2 u 10 m gepauzeerd in afwachting van de klant',
    );
    expect(explanationOnScreen(tEn, 'en', overChristmas)).toBe(
      'due Mon 29 Dec 12:10 — 10 business hours from Tue 23 Dec 16:00; skips Christmas Day and Boxing Day (25–26 Dec) and the weekend; paused 2 h 10 m waiting on client',
    );
    // i18next's English and the CLI's catalog rendering are one text.
    expect(explanationOnScreen(tEn, 'en', overChristmas)).toBe(englishExplanation(overChristmas));
  });

  it('renders every headline in Dutch without an English word or an unfilled placeholder', async () => {
    const tNl = await translator('nl');
    const target = { ms: 4 * 3_600_000, alwaysOpen: true };
    const shown = [
      explanationOnScreen(tNl, 'nl', { key: 'none' }),
      explanationOnScreen(tNl, 'nl', { key: 'met', params: { clock: 'response', timeZone: 'UTC', at: '2025-12-23T15:30:00Z', usedMs: 1_800_000, target } }),
      explanationOnScreen(tNl, 'nl', { key: 'paused', params: { timeZone: 'UTC', since: '2025-12-24T09:00:00Z', leftMs: 3_600_000, target } }),
      explanationOnScreen(tNl, 'nl', {
        key: 'breached',
        params: { ...overChristmas.params, clock: 'resolution', countingFrom: '2025-12-23T16:00:00Z', weekends: 2, stoppedAt: '2026-01-05T08:30:00Z' },
      } as Explanation),
    ];
    expect(shown).toEqual([
      'geen norm (best effort)',
      'gehaald — beantwoord di 23 dec 15:30 na 30 m van 4 uur',
      'gepauzeerd, wacht op klant sinds wo 24 dec 09:00 — nog 1 u van 4 uur',
      expect.stringMatching(/^verlopen ma 29 dec 12:10 — .*; telt vanaf di 23 dec 17:00; .* en 2 weekenden over; .*; opgelost ma 5 jan 09:30$/),
    ]);
    for (const text of shown) expect(text).not.toMatch(/\{\{|due|business|skips|answered|resolved|paused|weekends/);
  });
});
