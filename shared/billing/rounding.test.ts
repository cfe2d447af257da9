import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VangnetError } from '../errors';
import { billedLines, roundUp, totalOf } from './rounding';
import { AMSTERDAM_15, entry } from './testEntries';

const issuesOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(VangnetError);
    return (err as VangnetError).issues?.map((i) => `${i.path} ${i.code}`);
  }
  throw new Error('expected a refusal');
};

describe('rounding per ticket per month', () => {
  it('bills three 7-minute entries on one ticket as 30 minutes, on three tickets as 45', () => {
    const one = billedLines([entry('T1', 7), entry('T1', 7), entry('T1', 7)], AMSTERDAM_15);
    expect(one).toEqual([expect.objectContaining({ ticketId: 'T1', month: '2026-01', rawMinutes: 21, billableRawMinutes: 21, roundedMinutes: 30 })]);
    const three = billedLines([entry('T1', 7), entry('T2', 7), entry('T3', 7)], AMSTERDAM_15);
    expect(totalOf(three)).toEqual({ rawMinutes: 21, billableRawMinutes: 21, roundedMinutes: 45 });
  });

  it('rounds each month apart, the month decided on the Amsterdam wall clock', () => {
    const lines = billedLines(
      [
        entry('T1', 10, { startedAt: '2026-03-31T21:50:00Z' }), // 23:50 CEST, March
        entry('T1', 10, { startedAt: '2026-03-31T22:05:00Z' }), // 00:05 CEST, April
        entry('T1', 10, { startedAt: '2026-10-25T00:30:00Z' }), // 02:30 CEST, the hour that happens twice
        entry('T1', 10, { startedAt: '2026-10-25T01:30:00Z' }), // 02:30 CET
      ],
      AMSTERDAM_15,
    );
    expect(lines.map((l) => [l.month, l.rawMinutes, l.roundedMinutes])).toEqual([
      ['2026-03', 10, 15],
      ['2026-04', 10, 15],
      ['2026-10', 20, 30],
    ]);
  });

  it('keeps non-billable time raw, bills it nothing, and keeps change requests on their own line', () => {
    const lines = billedLines(
      [entry('T1', 20), entry('T1', 40, { billable: false }), entry('T1', 5, { scope: 'change_request' }), entry(null, 3), entry(null, 4)],
      AMSTERDAM_15,
    );
    expect(lines.map((l) => [l.ticketId, l.scope, l.rawMinutes, l.billableRawMinutes, l.roundedMinutes])).toEqual([
      ['T1', 'support', 60, 20, 30],
      ['T1', 'change_request', 5, 5, 15],
      [null, 'support', 7, 7, 15],
    ]);
    expect(totalOf(lines, (l) => l.scope === 'support').roundedMinutes).toBe(45);
  });

  it('follows the increment it is given, and leaves an exact multiple alone', () => {
    expect(roundUp(0, 15)).toBe(0);
    expect(roundUp(15, 15)).toBe(15);
    expect(roundUp(16, 15)).toBe(30);
    expect(billedLines([entry('T1', 61)], { incrementMinutes: 1, timeZone: 'UTC' })[0]!.roundedMinutes).toBe(61);
    expect(billedLines([entry('T1', 61)], { incrementMinutes: 60, timeZone: 'UTC' })[0]!.roundedMinutes).toBe(120);
    expect(billedLines([], AMSTERDAM_15)).toEqual([]);
  });

  it('refuses zero, negative, fractional and absurd minutes, a bad date, a twice-counted entry', () => {
    const e = entry('T1', 10);
    expect(
      issuesOf(() =>
        billedLines(
          [
            entry('T1', 0),
            entry('T1', -5),
            entry('T1', 2.5),
            entry('T1', 8 * 24 * 60),
            entry('T1', 5, { startedAt: '31-01-2026' }),
          ],
          AMSTERDAM_15,
        ),
      ),
    ).toEqual(['0.minutes number.min', '1.minutes number.min', '2.minutes type', '3.minutes number.max', '4.startedAt format.dateTime']);
    expect(issuesOf(() => billedLines([e, entry('T2', 5), { ...e }], AMSTERDAM_15))).toEqual(['2.id taken']);
  });

  it('refuses an increment of zero and an unknown zone', () => {
    expect(issuesOf(() => billedLines([], { incrementMinutes: 0, timeZone: 'UTC' }))).toEqual(['incrementMinutes number.min']);
    expect(issuesOf(() => billedLines([], { incrementMinutes: 241, timeZone: 'UTC' }))).toEqual(['incrementMinutes number.max']);
    expect(() => billedLines([], { incrementMinutes: 15, timeZone: 'Mars/Olympus' })).toThrow(VangnetError);
  });

  it('never bills less than raw, nor a full increment more per line (property)', () => {
    const arb = fc.array(fc.record({ t: fc.constantFrom('A', 'B', 'C', null), m: fc.integer({ min: 1, max: 600 }), day: fc.integer({ min: 0, max: 89 }) }), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 60 }), (rows, increment) => {
        const entries = rows.map((r) => entry(r.t, r.m, { startedAt: new Date(Date.UTC(2026, 0, 1) + r.day * 86_400_000).toISOString() }));
        const lines = billedLines(entries, { incrementMinutes: increment, timeZone: 'Europe/Amsterdam' });
        for (const l of lines) {
          expect(l.roundedMinutes).toBeGreaterThanOrEqual(l.billableRawMinutes);
          expect(l.roundedMinutes - l.billableRawMinutes).toBeLessThan(increment);
          expect(l.roundedMinutes % increment).toBe(0);
        }
        expect(totalOf(lines).rawMinutes).toBe(rows.reduce((s, r) => s + r.m, 0));
      }),
    );
  });
  it('never bills less than raw over mixed billable and change-request time, and counts every entry once (property)', () => {
    const arb = fc.array(
      fc.record({
        t: fc.constantFrom('A', 'B', null),
        m: fc.integer({ min: 1, max: 600 }),
        minute: fc.integer({ min: 0, max: 90 * 24 * 60 }),
        billable: fc.boolean(),
        scope: fc.constantFrom('support' as const, 'change_request' as const),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 60 }), fc.constantFrom('Europe/Amsterdam', 'UTC', 'America/New_York'), (rows, increment, timeZone) => {
        const entries = rows.map((r) =>
          entry(r.t, r.m, { startedAt: new Date(Date.UTC(2026, 0, 1) + r.minute * 60_000).toISOString(), billable: r.billable, scope: r.scope }),
        );
        const lines = billedLines(entries, { incrementMinutes: increment, timeZone });
        const billableRaw = rows.filter((r) => r.billable).reduce((s, r) => s + r.m, 0);
        expect(totalOf(lines).billableRawMinutes).toBe(billableRaw);
        expect(totalOf(lines).roundedMinutes).toBeGreaterThanOrEqual(billableRaw);
        for (const l of lines) expect(l.roundedMinutes).toBeGreaterThanOrEqual(l.billableRawMinutes);
        const ids = lines.flatMap((l) => l.entryIds);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.sort()).toEqual(entries.map((e) => e.id).sort());
      }),
    );
  });
});
