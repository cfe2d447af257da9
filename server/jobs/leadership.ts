import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { ServerDb } from '../db/connect';
import { loadPg } from '../db/pgDriver';
import type { ServerDatabase } from '../db/schema';
import { logger } from '../log';

const log = logger('jobs');

/**
 * Who runs a background job when several server processes share one database: at most one
 * process leads each job at a time. `claim` is called on every heartbeat; it takes the lead when
 * nobody holds it and keeps it while this process does.
 */
export interface Leadership {
  /** Takes or keeps the lead on a job. Resolves with the time (epoch ms) it is certainly held until. */
  claim(name: string): Promise<number | null>;
  /** Gives the lead up at once (on close), so no other process has to wait for it to lapse. */
  release(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * SQLite: a lease row per job (migration 0007). One statement inserts the row, renews our own
 * lease or takes over an expired one, and returns a row only if we hold it afterwards. Every
 * process sharing the file runs on the same machine, so their wall clocks agree.
 */
export function leaseLeadership(db: Kysely<ServerDatabase>, holder: string, leaseMs: number, now: () => number): Leadership {
  return {
    async claim(name) {
      const at = now();
      const expires_at = at + leaseMs;
      const row = await db
        .insertInto('job_leases')
        .values({ name, holder, expires_at })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet({ holder, expires_at })
            .where((eb) => eb.or([eb('job_leases.holder', '=', holder), eb('job_leases.expires_at', '<=', at)])),
        )
        .returning('holder')
        .executeTakeFirst();
      return row ? expires_at : null;
    },
    async release(name) {
      await db.deleteFrom('job_leases').where('name', '=', name).where('holder', '=', holder).execute();
    },
    async close() {},
  };
}

/** The first key of every job's advisory lock: apart from the ledger's and the migrator's single-key locks. */
const JOB_LOCK_SPACE = 7355620;

/**
 * PostgreSQL: a session-level advisory lock per job, held on a connection of its own while this
 * process leads (a pooled connection would hand the lock to whoever borrows it next). A process
 * that dies, or whose connection drops, loses its locks with its session, at once. The key covers
 * the schema too: tests share one database, a schema each.
 */
export function advisoryLeadership(config: pg.ClientConfig): Leadership {
  let client: Promise<pg.Client> | undefined;
  let current: pg.Client | undefined;
  let schema = '';
  const held = new Set<string>();

  function connection(): Promise<pg.Client> {
    // One connection however many jobs claim at once.
    client ??= connect().catch((err: unknown) => {
      client = undefined;
      throw err;
    });
    return client;
  }

  async function connect(): Promise<pg.Client> {
    const { Client } = await loadPg();
    const fresh = new Client(config);
    // A dropped connection has lost every lock: forget them, and connect again on the next claim.
    fresh.on('error', (err) => {
      log.warn({ err }, 'the job leadership connection failed; its locks are gone');
      if (current === fresh) drop();
    });
    try {
      await fresh.connect();
      schema = (await fresh.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
    } catch (err) {
      void fresh.end().catch(() => undefined);
      throw err;
    }
    current = fresh;
    return fresh;
  }

  function drop(): void {
    const old = current;
    client = undefined;
    current = undefined;
    held.clear();
    void old?.end().catch(() => undefined);
  }

  const key = (name: string) => createHash('sha256').update(`${schema}\u0000${name}`).digest().readInt32BE(0);

  return {
    async claim(name) {
      try {
        const c = await connection();
        // Held already: the session is alive iff it answers, and the lock lives as long as the session.
        if (held.has(name)) await c.query('SELECT 1');
        else {
          const { rows } = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [JOB_LOCK_SPACE, key(name)]);
          if (!rows[0]!.ok) return null;
          held.add(name);
        }
        return Number.POSITIVE_INFINITY;
      } catch (err) {
        log.warn({ err, job: name }, 'could not reach PostgreSQL for job leadership');
        drop();
        return null;
      }
    },
    async release(name) {
      if (!current || !held.delete(name)) return;
      await current.query('SELECT pg_advisory_unlock($1, $2)', [JOB_LOCK_SPACE, key(name)]);
    },
    async close() {
      const c = current;
      client = undefined;
      current = undefined;
      held.clear();
      await c?.end();
    },
  };
}

/** The leadership fitting the store's dialect. */
export function leadershipFor(store: ServerDb, holder: string, leaseMs: number, now: () => number): Leadership {
  return store.pgConfig ? advisoryLeadership(store.pgConfig) : leaseLeadership(store.db, holder, leaseMs, now);
}
