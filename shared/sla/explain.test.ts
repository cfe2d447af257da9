import { describe, expect, it } from 'vitest';
import { computeClocks } from './clocks';
import { compileCalendar } from './compiled';
import { explainClock } from './explain';
import { Explanation } from './explanation';
import { catalogExplanation, durationText, englishExplanation, explainLanguage, explanationText, instantText } from './explanationText';
import { explainTextIn } from '../messages/catalog';
import type { IncidentEvent } from './policy';
import { compileAlways, testPolicy } from './testSupport';

const t = (local: string) => Date.parse(`${local}+01:00`);
const nineToFive: [string, string][] = [['09:00', '17:00']];
const calendars = {
  business: compileCalendar({
    kind: 'business',
    timeZone: 'Europe/Amsterdam',
    week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
    holidays: { country: 'NL' },
  }),
  '24/7': compileAlways(),
};
const policy = testPolicy();

function explanationOf(events: IncidentEvent[], now: string, which: 'response' | 'resolution' = 'resolution'): Explanation {
  const c = computeClocks({ policy, calendars, events, now: t(now) });
  // What crosses the contract must pass the contract's schema as it is.
  return Explanation.parse(explainClock(c[which], calendars, c.now));
}

/** The explanation rendered from the shared catalogs, as the CLI does; the renderer's i18next path is tested in renderer/src/lib. */
function explain(events: IncidentEvent[], now: string, locale: string, which: 'response' | 'resolution' = 'resolution'): string {
  return catalogExplanation(explanationOf(events, now, which), explainLanguage(locale));
}

// P2: 10 business hours to resolve, from Tuesday 23 December 2025 16:00, over Christmas.
const opened: IncidentEvent = { kind: 'opened', at: t('2025-12-23T16:00'), priority: 'P2' };
const acked: IncidentEvent = { kind: 'status', at: t('2025-12-23T16:30'), to: 'acknowledged' };
const pause: IncidentEvent[] = [
  { kind: 'status', at: t('2025-12-24T10:00'), to: 'waiting_on_client' },
  { kind: 'status', at: t('2025-12-24T12:10'), to: 'in_progress' },
];
const HOUR = 3_600_000;
const business = (hours: number) => ({ ms: hours * HOUR, alwaysOpen: false });

describe('explainClock as data', () => {
  it('names the headline, the instants, the target and what was skipped, in no language', () => {
    expect(explanationOf([opened, acked, ...pause], '2025-12-24T13:00')).toEqual({
      key: 'due',
      params: {
        clock: 'resolution',
        timeZone: 'Europe/Amsterdam',
        at: '2025-12-29T11:10:00.000Z',
        leftMs: null,
        target: business(10),
        startedAt: '2025-12-23T15:00:00.000Z',
        countingFrom: null,
        closures: [{ first: '2025-12-25', last: '2025-12-26', names: [{ nl: 'Kerstmis', en: 'Christmas Day' }, { nl: 'Tweede kerstdag', en: 'Boxing Day' }] }],
        weekends: 1,
        pausedMs: 130 * 60_000,
        stoppedAt: null,
      },
    });
  });

  it('explains met, paused, at-risk, breached and best-effort clocks by key', () => {
    expect(explanationOf([opened, acked], '2025-12-24T10:00', 'response')).toEqual({
      key: 'met',
      params: { clock: 'response', timeZone: 'Europe/Amsterdam', at: '2025-12-23T15:30:00.000Z', usedMs: 30 * 60_000, target: business(2) },
    });
    expect(explanationOf([opened, acked, pause[0]!], '2025-12-24T11:00')).toEqual({
      key: 'paused',
      params: { timeZone: 'Europe/Amsterdam', since: '2025-12-24T09:00:00.000Z', leftMs: 8 * HOUR, target: business(10) },
    });
    const saturday: IncidentEvent = { kind: 'opened', at: t('2025-12-27T11:00'), priority: 'P2' };
    expect(explanationOf([saturday], '2025-12-29T10:45', 'response')).toMatchObject({
      key: 'atRisk',
      params: { leftMs: 15 * 60_000, countingFrom: '2025-12-29T08:00:00.000Z', closures: [], weekends: 1 },
    });
    expect(explanationOf([saturday, { kind: 'resolved', at: t('2026-01-05T09:30') }], '2026-01-05T12:00')).toMatchObject({
      key: 'breached',
      params: { at: '2025-12-30T10:00:00.000Z', leftMs: null, stoppedAt: '2026-01-05T08:30:00.000Z' },
    });
    expect(explanationOf([{ ...opened, priority: 'P4' }], '2025-12-23T16:10')).toEqual({ key: 'none' });
  });

  it('holds no sentence: every string is an instant, a date, a zone, a key or a closure name', () => {
    const json = JSON.stringify(explanationOf([opened, acked, ...pause], '2025-12-24T13:00'));
    expect(json).not.toMatch(/business|kantoor|uiterlijk|skips|slaat| from | vanaf /);
  });
});

describe('explanations rendered from the catalogs', () => {
  it('explains a running clock over Christmas in English and Dutch', () => {
    expect(explain([opened, acked], '2025-12-24T10:00', 'en')).toBe(
      'due Mon 29 Dec 10:00 — 10 business hours from Tue 23 Dec 16:00; skips Christmas Day and Boxing Day (25–26 Dec) and the weekend',
    );
    expect(explain([opened, acked], '2025-12-24T10:00', 'nl-NL')).toBe(
      'uiterlijk ma 29 dec 10:00 — 10 kantooruren vanaf di 23 dec 16:00; slaat Kerstmis en Tweede kerstdag (25–26 dec) en het weekend over',
    );
  });

  it('adds the time paused waiting on the client, which moved the due instant', () => {
    expect(explain([opened, acked, ...pause], '2025-12-24T13:00', 'en')).toBe(
      'due Mon 29 Dec 12:10 — 10 business hours from Tue 23 Dec 16:00; skips Christmas Day and Boxing Day (25–26 Dec) and the weekend; paused 2 h 10 m waiting on client',
    );
    expect(explain([opened, acked, ...pause], '2025-12-24T13:00', 'nl')).toBe(
      'uiterlijk ma 29 dec 12:10 — 10 kantooruren vanaf di 23 dec 16:00; slaat Kerstmis en Tweede kerstdag (25–26 dec) en het weekend over; 2 u 10 m gepauzeerd in afwachting van de klant',
    );
  });

  it('explains a paused clock', () => {
    expect(explain([opened, acked, pause[0]!], '2025-12-24T11:00', 'en')).toBe(
      'paused waiting on client since Wed 24 Dec 10:00 — 8 h of 10 business hours left',
    );
    expect(explain([opened, acked, pause[0]!], '2025-12-24T11:00', 'nl')).toBe(
      'gepauzeerd, wacht op klant sinds wo 24 dec 10:00 — nog 8 u van 10 kantooruren',
    );
  });

  it('explains a met response', () => {
    expect(explain([opened, acked], '2025-12-24T10:00', 'en', 'response')).toBe(
      'met — answered Tue 23 Dec 16:30 after 30 m of 2 business hours',
    );
    expect(explain([opened, acked], '2025-12-24T10:00', 'nl', 'response')).toBe(
      'gehaald — beantwoord di 23 dec 16:30 na 30 m van 2 kantooruren',
    );
  });

  it('explains an opening outside business hours, at-risk and breached clocks', () => {
    const saturday: IncidentEvent = { kind: 'opened', at: t('2025-12-27T11:00'), priority: 'P2' };
    expect(explain([saturday], '2025-12-29T10:45', 'en', 'response')).toBe(
      'at risk, due Mon 29 Dec 11:00 (15 m left) — 2 business hours from Sat 27 Dec 11:00; counting from Mon 29 Dec 09:00; skips the weekend',
    );
    expect(explain([saturday], '2026-01-05T12:00', 'en')).toBe(
      'breached Tue 30 Dec 11:00 — 10 business hours from Sat 27 Dec 11:00; counting from Mon 29 Dec 09:00; skips the weekend',
    );
    expect(explain([saturday, { kind: 'resolved', at: t('2026-01-05T09:30') }], '2026-01-05T12:00', 'nl')).toBe(
      'verlopen di 30 dec 11:00 — 10 kantooruren vanaf za 27 dec 11:00; telt vanaf ma 29 dec 09:00; slaat het weekend over; opgelost ma 5 jan 09:30',
    );
    // P3: 40 business hours, 8 a day: Mon 29, Tue 30, Wed 31 Dec, Fri 2 and Mon 5 Jan; New Year is skipped.
    expect(explain([{ ...saturday, priority: 'P3' }], '2026-01-02T10:00', 'en')).toBe(
      "due Mon 5 Jan 17:00 — 40 business hours from Sat 27 Dec 11:00; counting from Mon 29 Dec 09:00; skips New Year's Day (1 Jan) and 2 weekends",
    );
  });

  it('explains 24/7 targets and best effort', () => {
    const p1: IncidentEvent = { ...opened, priority: 'P1' };
    expect(explain([p1], '2025-12-23T16:10', 'en', 'response')).toBe('due Tue 23 Dec 17:00 — 1 hour from Tue 23 Dec 16:00');
    expect(explain([p1], '2025-12-23T16:10', 'nl')).toBe('uiterlijk di 23 dec 20:00 — 4 uur vanaf di 23 dec 16:00');
    expect(explain([{ ...opened, priority: 'P4' }], '2025-12-23T16:10', 'nl')).toBe('geen norm (best effort)');
    expect(explain([{ ...opened, priority: 'P4' }], '2025-12-23T16:10', 'en')).toBe('no target (best effort)');
  });
});

describe('formatting helpers', () => {
  it('formats durations and instants in the calendar zone, in both languages', () => {
    const [en, nl] = [explainTextIn('en'), explainTextIn('nl')];
    expect([durationText(130 * 60_000, en), durationText(130 * 60_000, nl), durationText(45 * 60_000, en), durationText(-2 * HOUR, en)]).toEqual([
      '2 h 10 m',
      '2 u 10 m',
      '45 m',
      '−2 h',
    ]);
    expect(instantText(Date.parse('2025-03-31T07:00:00Z'), 'Europe/Amsterdam', 'nl')).toBe('ma 31 mrt 09:00');
    expect(instantText(Date.parse('2025-03-31T07:00:00Z'), 'UTC', 'en')).toBe('Mon 31 Mar 07:00');
  });

  it('takes its words only from the text function it is given', () => {
    expect(englishExplanation({ key: 'none' })).toBe('no target (best effort)');
    const keysOnly = explanationText(explanationOf([opened, acked, ...pause], '2025-12-24T13:00'), 'en', (key) => `<${key}>`);
    expect(keysOnly).toBe('<span>; <skips>; <pausedFor>');
  });
});
