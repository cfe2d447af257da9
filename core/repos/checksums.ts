import { createHash } from 'node:crypto';
import { fromRecord, TABLE_SPECS } from '../../shared/schema/tables';
import { CHECKSUM_TABLES, ChecksumAccumulator, type ChecksumTable, type Sha256, type TableChecksums } from '../../shared/sync/checksum';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';

/** Node's SHA-256: the same digest as the shared default, several times faster. */
const sha256: Sha256 = (text) => createHash('sha256').update(text).digest();

/** Every local row of a synced table, as the sync protocol carries it, one at a time. */
export function* localRows(db: Db, table: ChecksumTable): Generator<Record<string, unknown>> {
  for (const record of stmt(db, `SELECT * FROM ${TABLE_SPECS[table].sqlTable}`).iterate() as Iterable<Record<string, unknown>>) {
    yield fromRecord(table, record) as Record<string, unknown>;
  }
}

/**
 * This laptop's checksum of every synced table (shared/sync/checksum.ts). Synchronous, so the rows
 * and the cursor read beside it belong to the same state: nothing else runs on the store meanwhile.
 */
export function localChecksums(db: Db): TableChecksums {
  const out = {} as TableChecksums;
  for (const table of CHECKSUM_TABLES) {
    const acc = new ChecksumAccumulator(table, sha256);
    for (const row of localRows(db, table)) acc.add(row);
    out[table] = acc.result();
  }
  return out;
}
