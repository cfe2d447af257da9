import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { englishBilling } from '../messages/catalog';
import { bundlingSavings, bundlingSuggestion } from './bundling';
import { billedLines, totalOf } from './rounding';
import { AMSTERDAM_15, entry } from './testEntries';

describe('bundling', () => {
  it('saves 15 of 45 billed minutes when three 7-minute tickets become one', () => {
    const entries = [entry('T1', 7), entry('T2', 7), entry('T3', 7), entry('OTHER', 7)];
    const saved = bundlingSavings(entries, ['T1', 'T2', 'T3'], AMSTERDAM_15);
    expect(saved).toMatchObject({ apartMinutes: 45, togetherMinutes: 30, savedMinutes: 15 });
    expect(englishBilling(saved)).toBe('Bundling these 3 tickets bills 15 minutes less (45 apart, 30 together)');
  });

  it('saves nothing across months: rounding stays per month after a merge', () => {
    const entries = [entry('T1', 7), entry('T2', 7, { startedAt: '2026-02-10T10:00:00+01:00' })];
    expect(bundlingSavings(entries, ['T1', 'T2'], AMSTERDAM_15).savedMinutes).toBe(0);
  });

  it('refuses fewer than two tickets, and counts a ticket named twice once', () => {
    expect(() => bundlingSavings([], ['T1'], AMSTERDAM_15)).toThrow(/tickets/);
    expect(bundlingSavings([entry('T1', 7)], ['T1', 'T1'], AMSTERDAM_15)).toMatchObject({ ticketIds: ['T1'], savedMinutes: 0 });
  });

  it('never bills more merged than apart (property)', () => {
    const rows = fc.array(fc.record({ t: fc.constantFrom('A', 'B', 'C', 'D'), m: fc.integer({ min: 1, max: 300 }), day: fc.integer({ min: 0, max: 70 }) }), { maxLength: 30 });
    fc.assert(
      fc.property(rows, fc.subarray(['A', 'B', 'C', 'D'], { minLength: 2 }), fc.integer({ min: 1, max: 60 }), (rs, ids, increment) => {
        const entries = rs.map((r) => entry(r.t, r.m, { startedAt: new Date(Date.UTC(2026, 0, 1) + r.day * 86_400_000).toISOString() }));
        const s = bundlingSavings(entries, ids, { incrementMinutes: increment, timeZone: 'Europe/Amsterdam' });
        expect(s.savedMinutes).toBeGreaterThanOrEqual(0);
        expect(s.togetherMinutes).toBeGreaterThanOrEqual(rs.filter((r) => ids.includes(r.t)).reduce((sum, r) => sum + r.m, 0));
      }),
    );
  });
  it('never bills more when two tickets become one, whatever the mix of billable and change-request time (property)', () => {
    const rows = fc.array(
      fc.record({
        t: fc.constantFrom('A', 'B', 'C'),
        m: fc.integer({ min: 1, max: 300 }),
        minute: fc.integer({ min: 0, max: 70 * 24 * 60 }),
        billable: fc.boolean(),
        scope: fc.constantFrom('support' as const, 'change_request' as const),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 60 }), (rs, increment) => {
        const options = { incrementMinutes: increment, timeZone: 'Europe/Amsterdam' };
        const apart = rs.map((r) => entry(r.t, r.m, { startedAt: new Date(Date.UTC(2026, 0, 1) + r.minute * 60_000).toISOString(), billable: r.billable, scope: r.scope }));
        // Merging B into A moves B's entries onto A, keeping each entry's own scope and billability.
        const merged = apart.map((e) => (e.ticketId === 'B' ? { ...e, ticketId: 'A' } : e));
        const before = totalOf(billedLines(apart, options));
        const after = totalOf(billedLines(merged, options));
        expect(after.roundedMinutes).toBeLessThanOrEqual(before.roundedMinutes);
        expect(after.rawMinutes).toBe(before.rawMinutes);
        expect(after.billableRawMinutes).toBe(before.billableRawMinutes);
      }),
    );
  });
});

describe('bundling suggestion', () => {
  const entries = [
    entry('T1', 5),
    entry('T2', 10),
    entry('T3', 4),
    entry('BIG', 50),
    entry('CLOSED', 3),
    entry('CR', 5, { scope: 'change_request' }),
    entry('T4', 6, { startedAt: '2026-02-03T10:00:00+01:00' }),
  ];
  const open = ['T1', 'T2', 'T3', 'T4', 'BIG', 'CR'];

  it('suggests bundling a client’s small open support tickets of the month, with what it saves', () => {
    const s = bundlingSuggestion(entries, { openTicketIds: open, month: '2026-01' }, AMSTERDAM_15);
    expect(s).toMatchObject({ ticketIds: ['T1', 'T2', 'T3'], apartMinutes: 45, togetherMinutes: 30, savedMinutes: 15 });
  });

  it('suggests nothing below the minimum count, in another month, or when nothing is saved', () => {
    expect(bundlingSuggestion(entries, { openTicketIds: open, month: '2026-01', minTickets: 4 }, AMSTERDAM_15)).toBeNull();
    expect(bundlingSuggestion(entries, { openTicketIds: open, month: '2026-02', minTickets: 2 }, AMSTERDAM_15)).toBeNull();
    const exact = [entry('A', 15), entry('B', 15)];
    expect(bundlingSuggestion(exact, { openTicketIds: ['A', 'B'], month: '2026-01', minTickets: 2 }, AMSTERDAM_15)).toBeNull();
  });

  it('refuses a bad month and a minimum below two', () => {
    expect(() => bundlingSuggestion([], { openTicketIds: [], month: '2026-1' }, AMSTERDAM_15)).toThrow(/month/);
    expect(() => bundlingSuggestion([], { openTicketIds: [], month: '2026-01', minTickets: 1 }, AMSTERDAM_15)).toThrow(/minTickets/);
  });
});
