import { afterEach, describe, expect, it } from 'vitest';
import type { BudgetView } from '../../shared/contract/budget';
import type { BurndownView, HoursReportView } from '../../shared/contract/reports';
import type { Engine } from '../engine/engine';
import { listTimeEntries } from '../repos/timeEntries';
import { callEngine, testEngine } from '../testSupport';
import { utcToLocal } from '../../shared/sla/zone';
import { seedDemo } from './seed';
import { DEMO_ZONE, quarterStart } from './timeData';

let engine: Engine;
afterEach(() => engine?.close());

const NOW = Date.parse('2026-12-03T10:30:00Z');

const call = <T>(name: string, args: unknown) => callEngine<T>(engine, name, args);

describe('the demo seed', () => {
  it('holds a quarter of time entries on Dutch working days, and one bundle just above its 10 % threshold', async () => {
    ({ engine } = testEngine(NOW));
    const seeded = seedDemo(engine, { seed: 2026, clients: 12, incidents: 300 });
    expect(seeded).toMatchObject({ clients: 12, incidents: 300, bundlePurchases: 4 });
    // Change requests in every state: one sent, one accepted, one rejected, drafts (one without a quote).
    const crs = await call<{ items: { status: string; quoteCents: number | null }[] }>('changeRequests.list', {});
    expect(crs.items).toHaveLength(seeded.changeRequests);
    expect(new Set(crs.items.map((c) => c.status))).toEqual(new Set(['sent', 'accepted', 'rejected', 'draft']));

    const start = quarterStart(NOW);
    expect(new Date(start).toISOString()).toBe('2026-08-31T22:00:00.000Z'); // 1 September, Amsterdam
    const { entries } = listTimeEntries(engine.db, { fromIso: '2000-01-01T00:00:00Z', toIso: '2100-01-01T00:00:00Z', limit: 100_000 });
    expect(entries).toHaveLength(seeded.timeEntries);
    expect(entries.length).toBeGreaterThan(300);
    const months = new Set(entries.map((e) => e.startedAt.slice(0, 7)));
    expect([...months].sort()).toEqual(['2026-09', '2026-10', '2026-11', '2026-12']);
    for (const e of entries) {
      expect(Date.parse(e.startedAt)).toBeGreaterThanOrEqual(start);
      expect(Date.parse(e.endedAt ?? '')).toBeLessThanOrEqual(NOW);
    }
    // Working days: only a P1's alarm may fall in a weekend; Christmas is not in range, so check weekends.
    const weekend = entries.filter((e) => [0, 6].includes(new Date(utcToLocal(DEMO_ZONE, Date.parse(e.startedAt))).getUTCDay()));
    expect(weekend.length).toBeLessThan(entries.length * 0.05);
    const minutes = entries.map((e) => (Date.parse(e.endedAt ?? '') - Date.parse(e.startedAt)) / 60_000);
    expect(minutes.filter((m) => m <= 25).length).toBeGreaterThan(entries.length * 0.4); // mostly short
    expect(minutes.filter((m) => m >= 60).length).toBeGreaterThan(5); // a few long ones
    expect(entries.filter((e) => !e.billable).length).toBeGreaterThan(5);
    expect(entries.filter((e) => e.scope === 'change_request').length).toBeGreaterThan(3);
    expect(new Set(entries.map((e) => e.engineerId)).size).toBe(4);

    const { bundles } = await call<{ bundles: BurndownView[] }>('reports.bundleBurndown', {});
    expect(bundles).toHaveLength(4);
    const percents = bundles.map((b) => b.remainingPercent).sort((a, b) => a - b);
    expect(percents[0]).toBeGreaterThan(10);
    expect(percents[0]).toBeLessThan(20);
    expect(percents[1]).toBeGreaterThan(25);
    // The burn-down ends where the bundle view stands.
    for (const b of bundles) {
      const view = await call<BudgetView>('budget.forClient', { clientId: b.clientId });
      expect(b.balanceMinutes).toBe(view.balanceMinutes);
      expect(b.remainingPercent).toBe(view.remainingPercent);
      expect(b.points.at(-1)?.balanceMinutes).toBe(view.balanceMinutes);
    }

    const report = await call<HoursReportView>('reports.hoursByCategory', { from: '2026-09', to: '2026-12' });
    expect(report.months.map((m) => m.month)).toEqual(['2026-09', '2026-10', '2026-11', '2026-12']);
    const raw = report.months.reduce((s, m) => s + m.rawMinutes, 0);
    expect(raw).toBe(minutes.reduce((s, m) => s + m, 0));
    for (const m of report.months) expect(m.roundedMinutes).toBeGreaterThan(0);
    expect(report.categories).toEqual(
      expect.arrayContaining(['monitoring', 'security', 'cms_help', 'bugfix', 'new_functionality', 'noIncident']),
    );
  });

  it('is the same store for the same seed', () => {
    const a = testEngine(NOW);
    const b = testEngine(NOW);
    try {
      const one = seedDemo(a.engine, { seed: 7, clients: 4, incidents: 40 });
      const two = seedDemo(b.engine, { seed: 7, clients: 4, incidents: 40 });
      expect(two).toEqual(one);
      const read = (e: Engine) =>
        listTimeEntries(e.db, { fromIso: '2000-01-01T00:00:00Z', toIso: '2100-01-01T00:00:00Z', limit: 10_000 }).entries.map((x) => [
          x.id,
          x.startedAt,
          x.endedAt,
          x.incidentId,
          x.billable,
        ]);
      expect(read(b.engine).map((x) => x.slice(1))).toEqual(read(a.engine).map((x) => x.slice(1)));
    } finally {
      a.engine.close();
      b.engine.close();
    }
  });
});
