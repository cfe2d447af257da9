import { z } from 'zod';
import { CHECKSUM_TABLES, ChecksumTableName, TableChecksum } from './checksum';

/** One table compared between this laptop and the office server. */
export const TableVerdict = z.object({
  table: ChecksumTableName,
  local: TableChecksum,
  /** Null when the server did not report the table (an older server). */
  server: TableChecksum.nullable(),
  equal: z.boolean(),
});
export type TableVerdict = z.infer<typeof TableVerdict>;

/** What `sync.verify` answers: per-table checksums of both sides at one seq, or why they can't be compared yet. */
export const SyncVerifyResult = z.object({
  /** Both sides held the same seq and nothing was waiting to be pushed, so the comparison means something. */
  comparable: z.boolean(),
  /** Why not, when not comparable. */
  reason: z.string().nullable(),
  /** The server's seq the checksums were taken at, and this laptop's pull cursor then. */
  seq: z.number().int(),
  cursor: z.number().int(),
  /** Local changes still waiting to be pushed. */
  pending: z.number().int(),
  checkedAt: z.string(),
  /** Every compared table (empty when not comparable). */
  tables: z.array(TableVerdict),
  /** The tables whose rows differ from the server's. */
  divergent: z.array(ChecksumTableName),
});
export type SyncVerifyResult = z.infer<typeof SyncVerifyResult>;

/** What `sync.repair` did to one table. */
export const TableRepair = z.object({
  table: ChecksumTableName,
  /** Rows the server sent. */
  fetched: z.number().int(),
  /** Server rows this laptop lacked, and local rows set back to the server's copy. */
  inserted: z.number().int(),
  updated: z.number().int(),
  /** Local rows the server doesn't have, removed. */
  removed: z.number().int(),
  /** Local rows the server doesn't have, kept: made by a change still waiting to be pushed, made here and never refused, or still needed by other rows. */
  kept: z.number().int(),
  /** The kept rows this laptop created that the server never had nor refused, by id: its own work, never deleted by a repair. */
  unsynced: z.array(z.string()).default([]),
});
export type TableRepair = z.infer<typeof TableRepair>;

// At most every checksummed table, each once (the list grows with the registry).
export const SyncRepairArgs = z.object({ tables: z.array(ChecksumTableName).min(1).max(CHECKSUM_TABLES.length) });
export const SyncRepairResult = z.object({ tables: z.array(TableRepair) });
export type SyncRepairResult = z.infer<typeof SyncRepairResult>;
