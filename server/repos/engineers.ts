import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema';

/** The id of the engineer with this e-mail address (stored lower-case), if any. */
export async function engineerIdByEmail(db: Kysely<ServerDatabase>, email: string): Promise<string | undefined> {
  const row = await db.selectFrom('engineers').select('id').where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  return row?.id;
}
