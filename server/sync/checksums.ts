import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { CHECKSUM_TABLES, ChecksumAccumulator, type Sha256, type TableChecksums } from '../../shared/sync/checksum';
import type { ChecksumsResponse } from '../../shared/sync/protocol';
import type { ServerDb } from '../db/connect';
import type { ServerDatabase } from '../db/schema';

/** Node's SHA-256: the same digest as the shared default, several times faster. */
const sha256: Sha256 = (text) => createHash('sha256').update(text).digest();

/** Seqs read per query: memory stays bounded (at most this many rows at once) whatever the size of the log. */
export const CHECKSUM_WINDOW = 5000;

/**
 * Every synced table's `{count, checksum}` over the change log (the rows exactly as laptops pull
 * them), and the seq they hold at. One read transaction makes the two agree: repeatable read on
 * PostgreSQL (one snapshot for all the queries), and on SQLite the transaction itself, during which
 * no writer can commit. O(rows): the log is read in windows of seqs — every row has its own seq, so
 * the windows cover each row once, and as the sum doesn't care about order no query sorts.
 */
export async function computeChecksums(store: ServerDb, window = CHECKSUM_WINDOW): Promise<ChecksumsResponse & { tables: TableChecksums }> {
  const read = async (trx: Kysely<ServerDatabase>) => {
    const state = await trx.selectFrom('sync_state').select('head_seq').where('id', '=', 1).executeTakeFirstOrThrow();
    const head = Number(state.head_seq);
    const accumulators = new Map<string, ChecksumAccumulator>(CHECKSUM_TABLES.map((t) => [t, new ChecksumAccumulator(t, sha256)]));
    for (let low = 0; low < head; low += window) {
      const rows = await trx
        .selectFrom('changes')
        .select(['table_name', 'row'])
        .where('table_name', 'in', CHECKSUM_TABLES)
        .where('seq', '>', low)
        .where('seq', '<=', low + window)
        .execute();
      for (const r of rows) {
        const row = JSON.parse(r.row) as Record<string, unknown> | null;
        // A tombstone: the row is deleted, it counts for nothing.
        if (row) accumulators.get(r.table_name)!.add(row);
      }
    }
    const tables = Object.fromEntries(CHECKSUM_TABLES.map((t) => [t, accumulators.get(t)!.result()])) as TableChecksums;
    return { seq: head, tables };
  };
  if (store.dialect === 'postgres') {
    return store.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(read);
  }
  return store.db.transaction().execute(read);
}
