import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema';

/** The newest seq in the change log. */
export async function readHeadSeq(db: Kysely<ServerDatabase>): Promise<number> {
  return Number((await db.selectFrom('sync_state').select('head_seq').where('id', '=', 1).executeTakeFirstOrThrow()).head_seq);
}
