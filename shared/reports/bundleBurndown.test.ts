import { describe, expect, it } from 'vitest';
import { clientBundle } from '../billing/clientBundle';
import { bundleBurndown } from './bundleBurndown';
import { CLIENT_A, contractOf, purchase, timeEntry } from './testData';

const NOW = Date.parse('2026-04-10T12:00:00Z');
const contracts = [contractOf(CLIENT_A, '2025-01-01')];

describe('the burn-down of a prepaid bundle', () => {
  it('gives the balance at each day the ledger changes, as the bundle view reads it that day', () => {
    const lines = [purchase(CLIENT_A, '2026-01-05', 600, '2026-02-28'), purchase(CLIENT_A, '2026-03-10', 300)];
    const entries = [
      timeEntry(CLIENT_A, 'T1', '2026-01-20T09:00:00Z', 100), // January: 105 drawn on 01-01 → overrun paid by the purchase on 01-05
      timeEntry(CLIENT_A, 'T2', '2026-02-03T09:00:00Z', 200, { scope: 'change_request' }), // draws nothing
      timeEntry(CLIENT_A, 'T2', '2026-03-03T09:00:00Z', 50), // March: 60 drawn on 03-01
    ];
    const b = bundleBurndown({ lines, entries, contracts, nowMs: NOW });
    expect(b.asOf).toBe('2026-04-10');
    expect(b.points.map((p) => [p.day, p.balanceMinutes])).toEqual([
      ['2026-01-01', -105],
      ['2026-01-05', 495],
      ['2026-03-01', -60], // 495 expired the day after 28 February, then 60 drawn with nothing left: overrun
      ['2026-03-10', 240],
      ['2026-04-10', 240],
    ]);
    expect(b.purchases.map((p) => [p.day, p.minutes])).toEqual([
      ['2026-01-05', 600],
      ['2026-03-10', 300],
    ]);
    expect(b.expiries).toEqual([{ purchaseId: lines[0]?.id, day: '2026-03-01', minutes: 495 }]);
    // Every point agrees with the bundle view as of that day.
    for (const p of b.points)
      expect(clientBundle({ lines, entries, contracts, nowMs: NOW, asOf: p.day }).ledger.balanceMinutes).toBe(p.balanceMinutes);
  });

  it("places threshold lines at the contract's percentages of the purchases still holding minutes", () => {
    const lines = [purchase(CLIENT_A, '2026-01-05', 1200)];
    const entries = [timeEntry(CLIENT_A, 'T1', '2026-03-03T09:00:00Z', 1050)];
    const b = bundleBurndown({ lines, entries, contracts, nowMs: NOW });
    expect(b.thresholds).toEqual([
      { percent: 25, minutes: 300 },
      { percent: 10, minutes: 120 },
      { percent: 0, minutes: 0 },
    ]);
    expect(b).toMatchObject({ prepaid: true, baseMinutes: 1200, balanceMinutes: 150, remainingPercent: 12 });
  });

  it('has one point and no thresholds base for a client without lines or time', () => {
    const b = bundleBurndown({ lines: [], entries: [], contracts, nowMs: NOW });
    expect(b.points).toEqual([{ day: '2026-04-10', balanceMinutes: 0, purchasedMinutes: 0, drawnMinutes: 0, expiredMinutes: 0 }]);
    expect(b.baseMinutes).toBe(0);
  });
});
