import type { Db } from '../store/database';
import { stmt } from '../store/statements';

/**
 * Stamps the server replaced (a wrong laptop clock, docs/sync-protocol.md "Clocks"). The local
 * audit trail is append-only and hash-chained, so its entries keep the stamp they were made with;
 * this map (in `meta`, one key per restamped mutation: rare) pairs them with the server's copies.
 */
const PREFIX = 'hlc.restamped:';

export function recordRestamp(db: Db, from: string, to: string): void {
  stmt(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(PREFIX + from, to);
}

/** The stamp an action carries on the server: the restamped one, or its own. */
export function restampedHlc(db: Db, hlc: string): string {
  const row = stmt(db, 'SELECT value FROM meta WHERE key = ?').get(PREFIX + hlc) as { value: string } | undefined;
  return row?.value ?? hlc;
}

/** The newest stamp still waiting to be pushed (the outbox is in stamp order), or null. */
export function newestPendingHlc(db: Db): string | null {
  const row = stmt(db, `SELECT hlc FROM outbox WHERE state = 'pending' ORDER BY mutation_id DESC LIMIT 1`).get() as
    { hlc: string } | undefined;
  return row?.hlc ?? null;
}
