import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema';

/** Deletes pairing codes that expired before `now` (used or not: neither can pair a device any more). */
export async function deleteExpiredPairingCodes(db: Kysely<ServerDatabase>, now: number): Promise<number> {
  const result = await db.deleteFrom('pairing_codes').where('expires_at', '<', new Date(now).toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
