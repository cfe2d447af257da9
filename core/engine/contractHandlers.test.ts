import { afterEach, describe, expect, it } from 'vitest';
import { contractTemplate } from '../../shared/domain/contract';
import { testEngine } from '../testSupport';
import { dispatch } from './dispatch';
import type { Engine } from './engine';

let engine: Engine;
afterEach(() => engine?.close());

async function call<T>(name: string, args: unknown): Promise<T> {
  const result = await dispatch(engine, name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

const ics = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20261228',
  'DTEND;VALUE=DATE:20270101',
  'SUMMARY:Kerstsluiting',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART:20260612T120000',
  'DTEND:20260612T173000',
  'SUMMARY:Teamuitje',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20260310',
  'STATUS:CANCELLED',
  'SUMMARY:Afgelast',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('contracts.importIcal', () => {
  it('only reads the file: closures and notes come back, nothing is saved', async () => {
    ({ engine } = testEngine());
    const client = await call<{ id: string }>('clients.create', { name: 'Gemeente Zeewolde', code: 'ZEEW' });
    await call('contracts.set', { clientId: client.id, effectiveFrom: '2026-01-01', terms: contractTemplate('subscription') });
    const before = await call<{ history: unknown[] }>('contracts.get', { clientId: client.id });
    const outbox = () => engine.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number };
    const queued = outbox().n;

    const imported = await call<{ closures: unknown[]; skipped: { summary: string; reason: string }[] }>('contracts.importIcal', {
      text: ics,
      timeZone: 'Europe/Amsterdam',
    });
    expect(imported.closures).toEqual([
      { kind: 'days', from: '2026-12-28', to: '2026-12-31', label: 'Kerstsluiting' },
      { kind: 'span', start: '2026-06-12T12:00:00', end: '2026-06-12T17:30:00', label: 'Teamuitje' },
    ]);
    expect(imported.skipped).toEqual([{ summary: 'Afgelast', code: 'cancelled', reason: 'cancelled' }]);
    expect(await call('contracts.get', { clientId: client.id })).toEqual(before);
    expect(outbox().n).toBe(queued);
  });

  it('refuses text that is not a calendar, and answers an empty calendar with no closures', async () => {
    ({ engine } = testEngine());
    const refused = await dispatch(engine, 'contracts.importIcal', {
      text: 'Datum;Omschrijving\n2026-12-24;Kerstavond',
      timeZone: 'Europe/Amsterdam',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_args', message: expect.stringMatching(/not an iCalendar/) } });
    const empty = await call('contracts.importIcal', { text: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR', timeZone: 'Europe/Amsterdam' });
    expect(empty).toEqual({ closures: [], skipped: [] });
  });
});
