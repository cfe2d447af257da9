import type { SyncStatus } from '../../shared/contract';
import { mergeRows } from '../../shared/merge';
import { type ClockOffset, type ClockSample, correctionFor, estimateOffset } from '../../shared/sync/clockOffset';
import type { Restamp } from '../../shared/sync/protocol';
import { kindOf, type SyncedTable, TABLE_SPECS } from '../../shared/schema/tables';
import { getMeta, setMeta } from '../repos/meta';
import { newestPendingHlc, recordRestamp } from '../repos/restamps';
import { getRowBy, updateRow } from '../repos/rows';
import type { Db } from '../store/database';
import { dropTimelineEntries } from './timelineConfirm';

const OFFSET_KEY = 'sync.clockOffset';

/**
 * This laptop's clock against the office server's: the latest estimate (kept in `meta`, so it
 * holds from the first stamp after a restart) and the corrected time the HLC runs on.
 */
export interface ClockSkew {
  /** The laptop's clock, corrected once an offset beyond the trusted bound is known. */
  correctedNow(): number;
  /** A sync reply arrived carrying the server's time. */
  record(sample: ClockSample): void;
  offset(): ClockOffset | null;
}

export function createClockSkew(db: Db, now: () => number): ClockSkew {
  const stored = getMeta(db, OFFSET_KEY);
  let current = stored ? (JSON.parse(stored) as ClockOffset) : null;
  return {
    correctedNow: () => now() + correctionFor(current?.offsetMs ?? 0),
    record(sample) {
      current = estimateOffset(sample);
      setMeta(db, OFFSET_KEY, JSON.stringify(current));
    },
    offset: () => current,
  };
}

/**
 * Takes the server's corrected stamps for pushed mutations (inside the push's ack transaction):
 * fields still carrying the old stamp carry the new one, the server's copies of the rows are
 * merged in (where the correction made another write win, the laptop now agrees), and timeline
 * entries — whose ids derive from the stamp — are dropped for the server's, which the pull brings.
 * Returns the tables changed.
 */
export function applyRestamps(db: Db, restamps: readonly Restamp[], hlcOf: (mutationId: number) => string | undefined): Set<string> {
  const touched = new Set<string>();
  for (const restamp of restamps) {
    const old = hlcOf(restamp.mutationId);
    if (!old || old === restamp.hlc) continue;
    recordRestamp(db, old, restamp.hlc);
    for (const ref of restamp.rows) {
      if (ref.table === 'incidents') {
        if (dropTimelineEntries(db, old, ref.id)) touched.add('incidentEvents');
      }
      // Stamped fields live in mutable rows; the others are made once and come back with the pull.
      if (kindOf(ref.table) !== 'mutable') continue;
      const table = ref.table as SyncedTable;
      const local = getRowBy(db, table, 'id', ref.id) as { fieldVersions: Record<string, string> } | undefined;
      if (!local) continue;
      const versions = Object.fromEntries(Object.entries(local.fieldVersions).map(([f, v]) => [f, v === old ? restamp.hlc : v]));
      let row = { ...local, fieldVersions: versions } as typeof local;
      if (ref.row) row = mergeRows(row, TABLE_SPECS[table].schema.parse(ref.row) as typeof local);
      updateRow(db, table, row as never);
      touched.add(table);
    }
  }
  return touched;
}

/**
 * Where the HLC may move back to after a restamp: the newest of the corrected stamps and of the
 * stamps still waiting to be pushed (not corrected yet: a later edit must still come after them).
 */
export function restampFloor(db: Db, restamps: readonly Restamp[]): string | null {
  let floor = newestPendingHlc(db);
  for (const { hlc } of restamps) if (floor === null || hlc > floor) floor = hlc;
  return floor;
}

/** The estimate as `sync.status` reports it. */
export function clockStatus(offset: ClockOffset | null): SyncStatus['clock'] {
  return offset && { offsetMs: offset.offsetMs, rttMs: offset.rttMs, measuredAt: new Date(offset.at).toISOString() };
}
