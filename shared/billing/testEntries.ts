import type { BillableEntry } from './rounding';

let n = 0;

/** A billable support entry for tests: `entry('T1', 7)` starts mid-January 2026 (Amsterdam time). */
export function entry(ticketId: string | null, minutes: number, over: Partial<BillableEntry> = {}): BillableEntry {
  n += 1;
  return { id: `e${n}`, ticketId, startedAt: '2026-01-15T09:00:00+01:00', minutes, billable: true, scope: 'support', ...over };
}

export const AMSTERDAM_15 = { incrementMinutes: 15, timeZone: 'Europe/Amsterdam' };
