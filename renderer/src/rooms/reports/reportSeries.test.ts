import { describe, expect, it } from 'vitest';
import type { BurndownView, HoursReportView } from '../../../../shared/contract/reports';
import { contrastRatio, paletteFor } from './chartColors';
import { burndownRows, hoursSeries, lastMonths, topSeries } from './reportSeries';

const report: HoursReportView = {
  from: '2026-10',
  to: '2026-11',
  categories: ['security', 'new_functionality', 'noIncident'],
  months: [
    {
      month: '2026-10',
      rawMinutes: 80,
      roundedMinutes: 90,
      rows: [
        { category: 'security', scope: 'support', rawMinutes: 20, billableRawMinutes: 20, roundedMinutes: 30 },
        { category: 'new_functionality', scope: 'change_request', rawMinutes: 50, billableRawMinutes: 50, roundedMinutes: 60 },
        { category: 'security', scope: 'change_request', rawMinutes: 10, billableRawMinutes: 0, roundedMinutes: 0 },
      ],
    },
    {
      month: '2026-11',
      rawMinutes: 5,
      roundedMinutes: 15,
      rows: [{ category: 'noIncident', scope: 'support', rawMinutes: 5, billableRawMinutes: 5, roundedMinutes: 15 }],
    },
  ],
};

describe('the Reports room series', () => {
  it('makes a series per support category and one for every change request, with totals the table and chart share', () => {
    const s = hoursSeries(report);
    expect(s.keys).toEqual(['security', 'noIncident', 'changeRequest']);
    expect(s.months[0]?.cells.changeRequest).toEqual({ rawMinutes: 60, roundedMinutes: 60 });
    expect(s.months[1]?.cells.security).toEqual({ rawMinutes: 0, roundedMinutes: 0 });
    expect(s.totals.noIncident).toEqual({ rawMinutes: 5, roundedMinutes: 15 });
    expect([s.rawMinutes, s.roundedMinutes]).toEqual([85, 105]);
    expect(topSeries(s)).toBe('changeRequest');
    expect(topSeries(hoursSeries({ ...report, months: [] }))).toBeNull();
  });

  it('defaults to the three months ending with the current one, across a year end', () => {
    expect(lastMonths('2027-01')).toEqual({ reportFrom: '2026-11', reportTo: '2027-01' });
  });

  it('says per burn-down day what happened: purchases, expiries, draws', () => {
    const b: BurndownView = {
      clientId: 'c',
      asOf: '2026-12-03',
      prepaid: true,
      points: [
        { day: '2026-09-01', balanceMinutes: -60, purchasedMinutes: 0, drawnMinutes: 60, expiredMinutes: 0 },
        { day: '2026-09-10', balanceMinutes: 540, purchasedMinutes: 600, drawnMinutes: 60, expiredMinutes: 0 },
        { day: '2026-12-01', balanceMinutes: 0, purchasedMinutes: 600, drawnMinutes: 60, expiredMinutes: 540 },
        { day: '2026-12-03', balanceMinutes: 0, purchasedMinutes: 600, drawnMinutes: 60, expiredMinutes: 540 },
      ],
      purchases: [{ id: 'p', day: '2026-09-10', minutes: 600 }],
      expiries: [{ purchaseId: 'p', day: '2026-12-01', minutes: 540 }],
      baseMinutes: 600,
      thresholds: [],
      balanceMinutes: 0,
      remainingPercent: 0,
    };
    expect(burndownRows(b).map((r) => r.events)).toEqual([
      [{ kind: 'draw', minutes: 60 }],
      [{ kind: 'purchase', minutes: 600 }],
      [{ kind: 'expiry', minutes: 540 }],
      [{ kind: 'today', minutes: 0 }],
    ]);
  });
});

describe('chart colours', () => {
  it('stand out 3:1 against the surface in both themes (WCAG 1.4.11)', () => {
    for (const theme of ['light', 'dark'] as const) {
      const p = paletteFor(theme);
      const colours = [...Object.values(p.series), p.balance, p.purchase, p.text, ...[25, 10, 0].map(p.threshold)];
      for (const c of colours) expect(contrastRatio(c, p.surface), `${theme} ${c}`).toBeGreaterThanOrEqual(3);
    }
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21);
  });
});
