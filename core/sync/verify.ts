import type { SyncRound } from '../../shared/contract';
import { badRow } from './applyPull';
import { CHECKSUM_TABLES, type ChecksumTable, divergentTables } from '../../shared/sync/checksum';
import { type ChecksumsResponse, type Change, SYNC_PULL_MAX_LIMIT } from '../../shared/sync/protocol';
import { SYNCED_ROW_SCHEMAS } from '../../shared/sync/rows';
import type { SyncRepairResult, SyncVerifyResult } from '../../shared/sync/verify';
import { localChecksums } from '../repos/checksums';
import { getMeta } from '../repos/meta';
import { countPending } from '../repos/outbox';
import { emptyCounts, PARENT_FIRST, removeRowsNotOnServer, type RepairCounts, type RepairedRow, restoreRows } from '../repos/repair';
import type { Db } from '../store/database';
import type { SyncTransport } from './transport';
import { writeTransaction } from '../store/transaction';

export interface VerifyDeps {
  db: Db;
  deviceId: string;
  transport(): SyncTransport;
  /** A full sync round (push, then pull to the head). */
  syncNow(): Promise<SyncRound>;
  afterApply(rows: readonly { table: string; row: Record<string, unknown> | null; id: string }[]): void;
  observeHlc(stamp: string): void;
  onChanged(tables: string[]): void;
  now(): number;
}

/** Why this laptop's tables can't be compared with the server's at `seq` now, or null when they can. */
function notComparable(seq: number, cursor: number, pending: number): string | null {
  if (pending > 0) return `${pending} local change(s) are still waiting to be pushed`;
  if (cursor < seq) return `This laptop has pulled up to seq ${cursor}; the server is at ${seq}`;
  if (cursor > seq) return `This laptop has pulled up to seq ${cursor}, past the server's ${seq}: was the server restored from a backup?`;
  return null;
}

/** Ids of one table's tombstones in a pull page: rows the server deleted. */
function tombstoneIds(table: ChecksumTable, changes: readonly Change[]): string[] {
  return changes.filter((c) => c.table === table && c.row === null).map((c) => c.id);
}

/** Rows of one table from a pull page, each checked against its schema before anything is written. */
function parseRows(table: ChecksumTable, changes: readonly Change[]): { id: string }[] {
  return changes
    .filter((c) => c.table === table && c.row !== null)
    .map((c) => {
      const parsed = SYNCED_ROW_SCHEMAS[table].safeParse(c.row);
      if (!parsed.success) {
        throw badRow(table, c.seq, parsed.error.issues[0]);
      }
      return parsed.data;
    });
}

function newestStamp(rows: readonly object[]): string {
  let newest = '';
  for (const row of rows) {
    const r = row as { fieldVersions?: Record<string, string>; hlc?: string };
    for (const stamp of Object.values(r.fieldVersions ?? {})) if (stamp > newest) newest = stamp;
    if (typeof r.hlc === 'string' && r.hlc > newest) newest = r.hlc;
  }
  return newest;
}

/**
 * Divergence detection (DESIGN.md sync guard 6) and repair. `verify` compares this laptop's per-table
 * checksums with the server's, but only when both describe the same state: nothing waiting to be
 * pushed and the pull cursor at the server's seq (after one sync round if not). `repair` re-fetches
 * whole tables and sets local rows back to the server's copies, keeping pending local changes.
 */
export function createVerifier(deps: VerifyDeps) {
  const { db } = deps;

  function compare(server: ChecksumsResponse, cursor: number): SyncVerifyResult {
    const local = localChecksums(db);
    const divergent = divergentTables(local, server.tables);
    return {
      comparable: true,
      reason: null,
      seq: server.seq,
      cursor,
      pending: 0,
      checkedAt: new Date(deps.now()).toISOString(),
      tables: CHECKSUM_TABLES.map((table) => ({
        table,
        local: local[table],
        server: server.tables[table] ?? null,
        equal: !divergent.includes(table),
      })),
      divergent,
    };
  }

  async function verify(): Promise<SyncVerifyResult> {
    for (let attempt = 0; ; attempt += 1) {
      const server = await deps.transport().checksums();
      // No await from here to the comparison: rows, cursor and outbox are read as one state.
      const cursor = Number(getMeta(db, 'sync.cursor') ?? 0);
      const pending = countPending(db);
      const reason = notComparable(server.seq, cursor, pending);
      if (reason === null) return compare(server, cursor);
      if (attempt > 0 || cursor > server.seq) {
        const checkedAt = new Date(deps.now()).toISOString();
        return { comparable: false, reason, seq: server.seq, cursor, pending, checkedAt, tables: [], divergent: [] };
      }
      // Behind or holding local work: one sync round, then ask again.
      await deps.syncNow();
    }
  }

  async function repair(tables: readonly ChecksumTable[]): Promise<SyncRepairResult> {
    const wanted = PARENT_FIRST.filter((t) => tables.includes(t));
    const t = deps.transport();
    const counts = new Map<ChecksumTable, RepairCounts & { fetched: number }>(
      wanted.map((table) => [table, { ...emptyCounts(), fetched: 0 }]),
    );
    const onServer = new Map<ChecksumTable, Set<string>>();
    const deletedOnServer = new Set<string>();
    const touched = new Set<string>();
    const apply = (table: ChecksumTable, write: (changed: RepairedRow[]) => void) => {
      const changed: RepairedRow[] = [];
      write(changed);
      deps.afterApply(changed);
      if (changed.length > 0) touched.add(table);
    };
    try {
      // Parents first, so a restored row finds the rows it refers to; one transaction per page.
      for (const table of wanted) {
        const ids = new Set<string>();
        const tally = counts.get(table)!;
        for (let after = 0; ;) {
          const page = await t.pullTable(deps.deviceId, table, after, SYNC_PULL_MAX_LIMIT);
          const rows = parseRows(table, page.changes);
          writeTransaction(db, () => {
            const newest = newestStamp(rows);
            if (newest) deps.observeHlc(newest);
            apply(table, (changed) => restoreRows(db, table, rows, tally, changed));
          });
          for (const row of rows) ids.add(row.id);
          for (const id of tombstoneIds(table, page.changes)) deletedOnServer.add(id);
          tally.fetched += rows.length;
          after = page.cursor;
          if (!page.hasMore) break;
        }
        onServer.set(table, ids);
      }
      // Then what the server doesn't have, children first, in one transaction.
      writeTransaction(db, () => {
        for (const table of [...wanted].reverse()) {
          apply(table, (changed) => removeRowsNotOnServer(db, table, onServer.get(table)!, counts.get(table)!, changed, deletedOnServer));
        }
      });
    } finally {
      if (touched.size > 0) deps.onChanged([...touched]);
    }
    return { tables: wanted.map((table) => ({ table, ...counts.get(table)! })) };
  }

  return { verify, repair };
}
