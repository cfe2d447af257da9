import { describe, expect, it } from 'vitest';
import { computeClocks } from './clocks';
import { compileCalendar } from './compiled';
import { explainClock, formatDuration, formatInstant } from './explain';
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

function explain(events: IncidentEvent[], now: string, locale: string, which: 'response' | 'resolution' = 'resolution'): string {
  const c = computeClocks({ policy, calendars, events, now: t(now) });
  return explainClock(c[which], calendars, locale, c.now);
}

// P2: 10 business hours to resolve, from Tuesday 23 December 2025 16:00, over Christmas.
const opened: IncidentEvent = { kind: 'opened', at: t('2025-12-23T16:00'), priority: 'P2' };
const acked: IncidentEvent = { kind: 'status', at: t('2025-12-23T16:30'), to: 'acknowledged' };
const pause: IncidentEvent[] = [
  { kind: 'status', at: t('2025-12-24T10:00'), to: 'waiting_on_client' },
  { kind: 'status', at: t('2025-12-24T12:10'), to: 'in_progress' },
];

describe('explainClock', () => {
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
  it('formats durations and instants in the calendar zone', () => {
    expect([
      formatDuration(130 * 60_000, 'en'),
      formatDuration(130 * 60_000, 'nl'),
      formatDuration(45 * 60_000, 'en'),
      formatDuration(-2 * 3_600_000, 'en'),
    ]).toEqual(['2 h 10 m', '2 u 10 m', '45 m', '−2 h']);
    expect(formatInstant(Date.parse('2025-03-31T07:00:00Z'), 'Europe/Amsterdam', 'nl')).toBe('ma 31 mrt 09:00');
    expect(formatInstant(Date.parse('2025-03-31T07:00:00Z'), 'UTC', 'en')).toBe('Mon 31 Mar 07:00');
  });
});
