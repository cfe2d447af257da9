import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VangnetError } from '../errors';
import { bundleLedger, type Draw, monthDraws, type Purchase } from './bundle';
import { billedLines } from './rounding';
import { AMSTERDAM_15, entry } from './testEntries';

const buy = (id: string, hours: number, purchasedOn: string, validThrough?: string): Purchase => ({ id, hours, purchasedOn, ...(validThrough ? { validThrough } : {}) });
const draw = (id: string, minutes: number, on: string, ticketId: string | null = 'T1'): Draw => ({ id, ticketId, minutes, on });

const refusal = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(VangnetError);
    return (err as VangnetError).issues!.map((i) => `${i.path} ${i.code}`);
  }
  throw new Error('expected a refusal');
};

describe('prepaid bundle ledger', () => {
  it('draws the oldest purchase first and reports where each draw came from', () => {
    const ledger = bundleLedger({
      purchases: [buy('B', 10, '2026-02-01'), buy('A', 2, '2026-01-01')],
      draws: [draw('d1', 90, '2026-02-10'), draw('d2', 60, '2026-02-11')],
      asOf: '2026-02-28',
    });
    expect(ledger.draws.map((d) => d.from)).toEqual([[{ purchaseId: 'A', minutes: 90 }], [{ purchaseId: 'A', minutes: 30 }, { purchaseId: 'B', minutes: 30 }]]);
    expect(ledger.purchases.map((p) => [p.id, p.status, p.remainingMinutes])).toEqual([
      ['A', 'used', 0],
      ['B', 'open', 570],
    ]);
    expect(ledger.balanceMinutes).toBe(570);
  });

  it('skips an expired purchase, reporting what it still held as expired, not lost', () => {
    const purchases = [buy('A', 5, '2026-01-01', '2026-03-31'), buy('B', 5, '2026-02-01')];
    const draws = [draw('d1', 60, '2026-03-31'), draw('d2', 60, '2026-04-01')];
    const march = bundleLedger({ purchases, draws, asOf: '2026-03-31' });
    expect(march.expiredMinutes).toBe(0); // still valid on its last day
    expect(march.balanceMinutes).toBe(540);
    const april = bundleLedger({ purchases, draws, asOf: '2026-04-30' });
    expect(april.purchases.map((p) => [p.id, p.status, p.usedMinutes, p.expiredMinutes])).toEqual([
      ['A', 'expired', 60, 240],
      ['B', 'open', 60, 0],
    ]);
    expect(april.draws[1]!.from).toEqual([{ purchaseId: 'B', minutes: 60 }]);
    expect(april).toMatchObject({ purchasedMinutes: 600, drawnMinutes: 120, expiredMinutes: 240, balanceMinutes: 240 });
  });

  it('calls a purchase used up before its last day "used", with nothing expired', () => {
    const ledger = bundleLedger({ purchases: [buy('A', 1, '2026-01-01', '2026-01-31')], draws: [draw('d1', 60, '2026-01-05')], asOf: '2026-06-01' });
    expect(ledger.purchases[0]).toMatchObject({ status: 'used', expiredMinutes: 0 });
  });

  it('lets an overrun go negative and has the next purchase pay it off first', () => {
    const purchases = [buy('A', 1, '2026-01-01'), buy('B', 2, '2026-03-01')];
    const draws = [draw('d1', 90, '2026-02-01', 'T1'), draw('d2', 15, '2026-03-02', 'T2')];
    const feb = bundleLedger({ purchases, draws, asOf: '2026-02-28' });
    expect(feb).toMatchObject({ balanceMinutes: -30, overrunMinutes: 30 });
    expect(feb.draws[0]!.uncoveredMinutes).toBe(30);
    const mar = bundleLedger({ purchases, draws, asOf: '2026-03-31' });
    expect(mar).toMatchObject({ balanceMinutes: 75, overrunMinutes: 0 });
    expect(mar.draws[0]!.from).toEqual([
      { purchaseId: 'A', minutes: 60 },
      { purchaseId: 'B', minutes: 30 },
    ]);
  });

  it('leaves out lines dated after the day asked, and gives an empty ledger for none', () => {
    const ledger = bundleLedger({ purchases: [buy('A', 1, '2026-05-01')], draws: [draw('d1', 15, '2026-05-02')], asOf: '2026-04-30' });
    expect(ledger).toMatchObject({ purchases: [], draws: [], balanceMinutes: 0, overrunMinutes: 0 });
  });

  it('draws billed support lines per ticket per month, on the month’s first day; change requests draw nothing', () => {
    const lines = billedLines(
      [entry('T1', 7), entry('T1', 7), entry('T2', 7, { startedAt: '2026-02-10T10:00:00Z' }), entry('T3', 60, { scope: 'change_request' }), entry(null, 5, { billable: false })],
      AMSTERDAM_15,
    );
    const draws = monthDraws(lines);
    expect(draws).toEqual([
      { id: '2026-01/T1', ticketId: 'T1', minutes: 15, on: '2026-01-01' },
      { id: '2026-02/T2', ticketId: 'T2', minutes: 15, on: '2026-02-01' },
    ]);
    // A purchase valid through mid-January still pays for January's time.
    const ledger = bundleLedger({ purchases: [buy('A', 1, '2025-12-01', '2026-01-15')], draws, asOf: '2026-02-28' });
    expect(ledger.purchases[0]).toMatchObject({ usedMinutes: 15, expiredMinutes: 45 });
    expect(ledger.overrunMinutes).toBe(15);
  });

  it('refuses a purchase of zero or negative hours, hours that are not whole minutes, an inverted validity, a draw of zero', () => {
    expect(
      refusal(() =>
        bundleLedger({
          purchases: [buy('A', 0, '2026-01-01'), buy('B', -2, '2026-01-01'), buy('C', 0.01, '2026-01-01'), buy('D', 1, '2026-02-01', '2026-01-31')],
          draws: [draw('d1', 0, '2026-01-02'), draw('d2', 7.5, '2026-01-32')],
          asOf: '2026-13-01',
        }),
      ).sort(),
    ).toEqual([
      'asOf format.date',
      'draws.0.minutes number.min',
      'draws.1.minutes type',
      'draws.1.on format.date',
      'purchases.0.hours number.above',
      'purchases.1.hours number.above',
      'purchases.2.hours number.wholeMinutes',
      'purchases.3.validThrough pauseOrder',
    ]);
    expect(bundleLedger({ purchases: [buy('A', 1.25, '2026-01-01')], draws: [], asOf: '2026-01-01' }).purchasedMinutes).toBe(75);
  });

  it('keeps balance = purchased − drawn − expired, every minute of every purchase and draw accounted for (property)', () => {
    const day = fc.integer({ min: 0, max: 180 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const purchases = fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), day, fc.option(fc.integer({ min: 0, max: 90 }))), { maxLength: 6 });
    const draws = fc.array(fc.tuple(fc.integer({ min: 1, max: 600 }), day), { maxLength: 20 });
    fc.assert(
      fc.property(purchases, draws, day, (ps, ds, asOf) => {
        const ledger = bundleLedger({
          purchases: ps.map(([h, on, valid], i) =>
            buy(`p${i}`, h / 4, on, valid === null ? undefined : new Date(Date.parse(on) + valid * 86_400_000).toISOString().slice(0, 10)),
          ),
          draws: ds.map(([m, on], i) => draw(`d${i}`, m, on)),
          asOf,
        });
        expect(ledger.balanceMinutes).toBe(ledger.purchasedMinutes - ledger.drawnMinutes - ledger.expiredMinutes);
        const remaining = ledger.purchases.reduce((s, p) => s + p.remainingMinutes, 0);
        expect(ledger.balanceMinutes).toBe(remaining - ledger.overrunMinutes);
        for (const p of ledger.purchases) {
          expect(p.usedMinutes + p.expiredMinutes + p.remainingMinutes).toBe(p.minutes);
          expect(p.remainingMinutes).toBeGreaterThanOrEqual(0);
        }
        for (const d of ledger.draws) expect(d.from.reduce((s, f) => s + f.minutes, 0) + d.uncoveredMinutes).toBe(d.minutes);
        // Overrun only while nothing usable is left: the balance is then exactly −overrun.
        if (ledger.overrunMinutes > 0) expect(ledger.purchases.every((p) => p.remainingMinutes === 0)).toBe(true);
      }),
    );
  });
  it('draws each month’s billed support time once: balance = purchased − drawn − expired over entries (property)', () => {
    const rows = fc.array(
      fc.record({
        t: fc.constantFrom('T1', 'T2', null),
        m: fc.integer({ min: 1, max: 240 }),
        day: fc.integer({ min: 0, max: 120 }),
        billable: fc.boolean(),
        scope: fc.constantFrom('support' as const, 'change_request' as const),
      }),
      { maxLength: 30 },
    );
    const purchases = fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 120 }), fc.option(fc.integer({ min: 0, max: 60 }))), { maxLength: 4 });
    fc.assert(
      fc.property(rows, purchases, fc.integer({ min: 1, max: 30 }), (rs, ps, increment) => {
        const dayOf = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
        const entries = rs.map((r) => entry(r.t, r.m, { startedAt: `${dayOf(r.day)}T10:00:00Z`, billable: r.billable, scope: r.scope }));
        const lines = billedLines(entries, { incrementMinutes: increment, timeZone: 'UTC' });
        const draws = monthDraws(lines);
        const ledger = bundleLedger({
          purchases: ps.map(([q, on, valid], i) => buy(`p${i}`, q / 4, dayOf(on), valid === null ? undefined : dayOf(on + valid))),
          draws,
          asOf: '2026-06-30',
        });
        const supportRounded = lines.filter((l) => l.scope === 'support').reduce((s, l) => s + l.roundedMinutes, 0);
        expect(ledger.drawnMinutes).toBe(supportRounded);
        expect(new Set(draws.map((d) => d.id)).size).toBe(draws.length);
        expect(ledger.balanceMinutes).toBe(ledger.purchasedMinutes - ledger.drawnMinutes - ledger.expiredMinutes);
      }),
    );
  });
});
