import { VangnetError } from '../../shared/errors';
import { issueFromZod } from '../../shared/validation';
import type { z } from 'zod';
import { canonicalJson } from '../../shared/canonicalJson';
import { compareHlc } from '../../shared/hlc';
import { lastWriteAt, mergeRows } from '../../shared/merge';
import type { Change, Rejection } from '../../shared/sync/protocol';
import { applyRank, isSyncedTable, kindOf, parentsOf, type RowOf, specOf, type SyncedTable, TABLE_SPECS } from '../../shared/schema/tables';
import { getRowBy, insertRowIfAbsent, updateRow, upsertRow } from '../repos/rows';
import { parkedReady, parkRow, unpark } from '../repos/parked';
import { deleteRow, markRejected } from '../repos/sync';
import { logger } from '../log';
import type { Db } from '../store/database';
import { dropTimelineEntries } from './timelineConfirm';

/** The server sent a row its table's schema refuses: names the first problem in English, for the log. */
export function badRow(table: string, seq: number, issue: z.core.$ZodIssue | undefined): VangnetError {
  const detail = issue ? `${issueFromZod(issue).path}: ${issueFromZod(issue).message}` : 'bad row';
  return new VangnetError('invalid_args', 'sync.badRow', { table, seq, detail });
}

const log = logger('sync');

type Stamped = { id: string; fieldVersions: Record<string, string>; updatedAt?: string };

/**
 * Merges one pulled row into the local copy: newer fields win, so pending local edits survive.
 * Fields without versions (who created the row, when) are the server's: it re-ran the creating
 * mutation with the engineer its token names, which differs from a profile made before pairing.
 */
function mergeDomainRow(db: Db, table: SyncedTable, remote: Stamped): boolean {
  // Most pulled rows are new to this laptop (always, in a bootstrap): try the insert first.
  if (insertRowIfAbsent(db, table, remote as never)) return true;
  const local = getRowBy(db, table, 'id', remote.id) as Stamped | undefined;
  if (!local) return false;
  const merged: Record<string, unknown> = mergeRows(local, remote);
  // The same stamp on both sides is the same mutation: this laptop's own, which the server re-ran
  // on its state and may have computed otherwise (a timer started offline on a ticket another
  // laptop moved to change request meanwhile). The server's result is the one every replica holds.
  for (const [field, version] of Object.entries(remote.fieldVersions)) {
    if (local.fieldVersions[field] === version) merged[field] = (remote as Record<string, unknown>)[field];
  }
  // A field only this laptop has stamped (a default the server's row holds unstamped) is a local
  // write still on its way, and stays.
  for (const [field, value] of Object.entries(remote)) {
    if (field === 'fieldVersions' || field === 'updatedAt') continue;
    if (!Object.hasOwn(remote.fieldVersions, field) && !Object.hasOwn(local.fieldVersions, field)) merged[field] = value;
  }
  if (JSON.stringify(merged) === JSON.stringify(local)) return false;
  updateRow(db, table, merged as never);
  return true;
}

/**
 * Append-only rows (timeline entries) never change once the server holds them: the server's copy
 * replaces a local one that differs (an entry made before pairing names the profile of then, the
 * server the paired engineer).
 */
function insertOnce(db: Db, table: SyncedTable, row: { id: string }): boolean {
  if (insertRowIfAbsent(db, table, row as never)) return true;
  const local = getRowBy(db, table, 'id', row.id);
  if (!local || canonicalJson(local) === canonicalJson(row)) return false;
  deleteRow(db, table, row.id);
  return insertRowIfAbsent(db, table, row as never);
}

function isForeignKeyError(err: unknown): boolean {
  return (err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** Writes one checked row, as its table's kind says; true when the store changed. */
function applyRow(db: Db, table: SyncedTable, row: { id: string }): boolean {
  switch (TABLE_SPECS[table].kind) {
    case 'mutable':
      return mergeDomainRow(db, table, row as Stamped);
    case 'appendOnly':
      return insertOnce(db, table, row);
    case 'serverOwned':
      // The server's copy is the truth; one that never changes (the audit trail) is kept as first seen.
      if ('immutable' in TABLE_SPECS[table]) insertRowIfAbsent(db, table, row as never);
      else upsertRow(db, table, row as never);
      return true;
  }
}

/** Applies a row, or parks it when its parent is not stored yet. True when the store changed. */
function applyOrPark(db: Db, change: { seq: number; table: SyncedTable; row: { id: string } }): boolean {
  try {
    return applyRow(db, change.table, change.row);
  } catch (err) {
    if (!isForeignKeyError(err)) throw err;
    // Wait for the first parent this laptop does not hold yet.
    const row = change.row as Record<string, unknown>;
    const parent = parentsOf(change.table).find((p) => row[p.field] != null && !getRowBy(db, p.table, 'id', String(row[p.field])));
    if (!parent) throw err;
    const parentId = String(row[parent.field]);
    parkRow(db, { table: change.table, id: change.row.id, seq: change.seq, row: change.row, parentTable: parent.table, parentId });
    return false;
  }
}

/**
 * A tombstone: the row was deleted on the server. Children go before parents within a page (the
 * reverse of APPLY_ORDER); only `mutable` tables take one. A row still referred to here (a child
 * made offline, not pushed yet) stays: the server refuses that child, undoing it locally, and
 * repair removes what is left. Returns the local row it removed (its SLA feed moves clocks), if any.
 */
function applyTombstone(db: Db, table: SyncedTable, id: string): Record<string, unknown> | null {
  unpark(db, table, id);
  if (TABLE_SPECS[table].kind !== 'mutable') {
    log.warn({ table, id }, 'ignoring a tombstone of a table whose rows are never deleted');
    return null;
  }
  const local = getRowBy(db, table, 'id', id) as Record<string, unknown> | undefined;
  try {
    return local && deleteRow(db, table, id) ? local : null;
  } catch (err) {
    if (!isForeignKeyError(err)) throw err;
    log.warn({ table, id }, 'deleted on the server but still referred to here; kept');
    return null;
  }
}

/**
 * Applies one page of pulled changes. Every row is checked against its schema first: a bad
 * payload throws before anything is written, and the caller's transaction keeps the store as it was.
 * A row whose parent is not stored yet waits (core/repos/parked.ts) and is applied, and returned
 * among `unparked`, with the page that brings the parent.
 */
export function applyChanges(
  db: Db,
  changes: readonly Change[],
  observe: (hlc: string) => void,
): { touched: Set<string>; unparked: Change[]; removed: { table: SyncedTable; id: string; row: Record<string, unknown> }[] } {
  const tombstones: { table: SyncedTable; id: string }[] = [];
  const parsed = changes.flatMap((change) => {
    if (!isSyncedTable(change.table)) {
      log.warn({ table: change.table }, 'ignoring rows of a table this version does not know');
      return [];
    }
    const table = change.table;
    if (change.row === null) {
      tombstones.push({ table, id: change.id });
      return [];
    }
    const spec = TABLE_SPECS[table];
    const result = spec.schema.safeParse(change.row);
    if (!result.success) {
      throw badRow(table, change.seq, result.error.issues[0]);
    }
    // E.g. audit entries are hash-chained on the server: one whose hash does not cover its content was altered.
    const problem = specOf(table).rowProblem?.(result.data);
    if (problem) throw new VangnetError('invalid_args', 'sync.badAudit', { seq: change.seq, detail: problem });
    return [{ seq: change.seq, table, row: result.data as { id: string } }];
  });
  const touched = new Set<string>();
  // Later local edits must be stamped after everything this laptop has seen. Stamps sort as
  // strings, so the newest of the page is found without parsing each one.
  let newest = '';
  for (const { row } of parsed) {
    if ('fieldVersions' in row) {
      for (const stamp of Object.values(row.fieldVersions as Record<string, string>)) if (stamp > newest) newest = stamp;
    } else if ('hlc' in row && (row.hlc as string) > newest) newest = row.hlc as string;
  }
  if (newest) observe(newest);
  parsed.sort((a, b) => applyRank(a.table) - applyRank(b.table));
  for (const change of parsed) if (applyOrPark(db, change)) touched.add(change.table);
  tombstones.sort((a, b) => applyRank(b.table) - applyRank(a.table));
  const removed: { table: SyncedTable; id: string; row: Record<string, unknown> }[] = [];
  for (const { table, id } of tombstones) {
    const row = applyTombstone(db, table, id);
    if (row) {
      touched.add(table);
      removed.push({ table, id, row });
    }
  }
  const unparked: Change[] = [];
  // Parents this page brought free the rows waiting for them (which may be parents in turn).
  const tried = new Set<string>();
  for (let ready = parkedReady(db); ready.length > 0; ready = parkedReady(db)) {
    const fresh = ready.filter((w) => !tried.has(`${w.table}\u0000${w.id}`));
    // A row refused again although its parent is stored stays parked (never loop on it).
    if (fresh.length === 0) break;
    for (const waiting of fresh) {
      tried.add(`${waiting.table}\u0000${waiting.id}`);
      unpark(db, waiting.table, waiting.id);
      const table = waiting.table as SyncedTable;
      const row = TABLE_SPECS[table].schema.parse(waiting.row) as { id: string };
      if (applyOrPark(db, { seq: waiting.seq, table, row })) touched.add(table);
      unparked.push({ seq: waiting.seq, table, id: waiting.id, row: waiting.row });
    }
  }
  return { touched, unparked, removed };
}

function restoreDeleted(db: Db, table: SyncedTable, row: Record<string, unknown>): boolean {
  try {
    return insertRowIfAbsent(db, table, TABLE_SPECS[table].schema.parse(row) as never);
  } catch (err) {
    // Its parent is gone here too: the pull or a repair brings both back.
    if (!isForeignKeyError(err)) throw err;
    return false;
  }
}

/**
 * Undoes the optimistic local effect of mutations the server refused: fields still carrying the
 * refused mutation's stamp take the server's value, and rows it created that the server doesn't
 * have are removed (newest first, so rows that depend on earlier ones go before them).
 */
export function undoRejected(db: Db, rejections: readonly Rejection[], hlcOf: (mutationId: number) => string | undefined): Set<string> {
  const touched = new Set<string>();
  for (const rejection of [...rejections].reverse()) {
    markRejected(db, rejection.mutationId, rejection.error);
    const hlc = hlcOf(rejection.mutationId);
    if (!hlc) continue;
    for (const ref of rejection.rows) {
      if (ref.table === 'incidents') {
        // Timeline entries the refused mutation added: their ids derive from its stamp.
        if (dropTimelineEntries(db, hlc, ref.id)) touched.add('incidentEvents');
      }
      if (kindOf(ref.table) !== 'mutable') continue;
      const table = ref.table as SyncedTable;
      const local = getRowBy(db, table, 'id', ref.id) as Stamped | undefined;
      if (!local) {
        // Deleted here by the refused mutation (a tombstone the server never took): the server's copy comes back.
        if (ref.row !== null && restoreDeleted(db, table, ref.row)) touched.add(table);
        continue;
      }
      const stamped = Object.entries(local.fieldVersions)
        .filter(([, v]) => compareHlc(v, hlc) === 0)
        .map(([f]) => f);
      if (stamped.length === 0) continue;
      if (ref.row === null) {
        if (stamped.length === Object.keys(local.fieldVersions).length) {
          deleteRow(db, table, ref.id);
          touched.add(table);
        }
        continue;
      }
      const server = TABLE_SPECS[table].schema.parse(ref.row) as Stamped;
      const restored: Record<string, unknown> = { ...local, fieldVersions: { ...local.fieldVersions } };
      const versions = restored.fieldVersions as Record<string, string>;
      for (const field of stamped) {
        restored[field] = (server as unknown as Record<string, unknown>)[field];
        // A field the server holds unstamped (a ticket never merged has no `mergedInto` stamp) is
        // unstamped here too: keeping the refused stamp would leave the row unlike the server's for good.
        const version = server.fieldVersions[field];
        if (version === undefined) delete versions[field];
        else versions[field] = version;
      }
      if (typeof restored.updatedAt === 'string') {
        restored.updatedAt = lastWriteAt(restored.fieldVersions as Record<string, string>, restored.updatedAt);
      }
      updateRow(db, table, restored as RowOf<typeof table>);
      touched.add(table);
    }
  }
  return touched;
}
