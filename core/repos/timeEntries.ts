import { MAX_ENTRY_MINUTES } from '../../shared/billing/rounding';
import type { TimeEntry } from '../../shared/domain/time';
import { fromRecord } from '../../shared/schema/tables';
import type { Db } from '../store/database';
import { writeTransaction } from '../store/transaction';
import { stmt } from '../store/statements';

/** Reads of time entries beyond a mutation's lookups, and the laptop-only timer heartbeat. */

const rows = (records: unknown[]): TimeEntry[] => (records as Record<string, unknown>[]).map((r) => fromRecord('timeEntries', r));

/** The running timer of `engineerId` (the newest, should offline starts on two laptops have left two). */
export function runningTimer(db: Db, engineerId: string): TimeEntry | undefined {
  return rows(stmt(db, 'SELECT * FROM time_entries WHERE running_for = ? ORDER BY started_at DESC, id DESC LIMIT 1').all(engineerId))[0];
}

export interface TimeEntryFilter {
  engineerId?: string;
  clientId?: string;
  /** Entries that start in [fromIso, toIso). */
  fromIso: string;
  toIso: string;
  limit: number;
}

/** Up to `limit` entries starting in the range, oldest first; `truncated` when more were there. */
export function listTimeEntries(db: Db, f: TimeEntryFilter): { entries: TimeEntry[]; truncated: boolean } {
  // Led by whichever of the engineer and client indexes the filter names (both lead with started_at next).
  const by = f.engineerId !== undefined ? 'engineer_id = @engineerId' : f.clientId !== undefined ? 'client_id = @clientId' : '1 = 1';
  const also = f.engineerId !== undefined && f.clientId !== undefined ? ' AND client_id = @clientId' : '';
  const found = rows(
    stmt(
      db,
      `SELECT * FROM time_entries WHERE ${by}${also} AND started_at >= @fromIso AND started_at < @toIso
        ORDER BY started_at, id LIMIT @take`,
    ).all({ engineerId: f.engineerId ?? null, clientId: f.clientId ?? null, fromIso: f.fromIso, toIso: f.toIso, take: f.limit + 1 }),
  );
  return { entries: found.slice(0, f.limit), truncated: found.length > f.limit };
}

/**
 * The ids of `engineerId`'s entries that overlap [startIso, endIso), other than `exceptId`. An entry
 * lasts at most a week (billing's limit), so only entries that start in the week before are read.
 */
export function overlappingEntries(db: Db, engineerId: string, startIso: string, endIso: string, exceptId: string): string[] {
  const earliest = new Date(Date.parse(startIso) - MAX_ENTRY_MINUTES * 60_000).toISOString();
  const found = stmt(
    db,
    `SELECT id FROM time_entries WHERE engineer_id = ? AND started_at >= ? AND started_at < ? AND id <> ?
       AND (ended_at IS NULL OR ended_at > ?) ORDER BY started_at, id LIMIT 100`,
  ).all(engineerId, earliest, endIso, exceptId, startIso) as { id: string }[];
  return found.map((r) => r.id);
}

/** When this laptop last saw the timer `entryId` running, or undefined. */
export function heartbeatOf(db: Db, entryId: string): string | undefined {
  return (stmt(db, 'SELECT at FROM timer_heartbeat WHERE entry_id = ?').get(entryId) as { at: string } | undefined)?.at;
}

/** Records that the timer `entryId` runs at `at`, and forgets every other timer's heartbeat. */
export function writeHeartbeat(db: Db, entryId: string, at: string): void {
  writeTransaction(db, () => {
    stmt(db, 'DELETE FROM timer_heartbeat WHERE entry_id <> ?').run(entryId);
    stmt(db, 'INSERT INTO timer_heartbeat (entry_id, at) VALUES (?, ?) ON CONFLICT (entry_id) DO UPDATE SET at = excluded.at').run(
      entryId,
      at,
    );
  });
}

export function clearHeartbeats(db: Db): void {
  writeTransaction(db, () => stmt(db, 'DELETE FROM timer_heartbeat').run());
}
