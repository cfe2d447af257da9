import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../db/schema';

/** One failed authentication attempt, kept for the administrator. */
export async function recordAuthEvent(
  db: Kysely<ServerDatabase>,
  event: { at: number; kind: string; ip: string; detail: string },
): Promise<void> {
  await db
    .insertInto('auth_events')
    .values({ at: new Date(event.at).toISOString(), kind: event.kind, ip: event.ip, detail: event.detail })
    .execute();
}
