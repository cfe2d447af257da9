import type pg from 'pg';
import type { ServerDb } from '../db/connect';
import { loadPg } from '../db/pgDriver';

const CHANNEL = 'vangnet_changes';

/**
 * Announces new seqs to every connected client. With SQLite there is one server process, so an
 * in-process fan-out suffices; with PostgreSQL several processes share the database, so each one
 * NOTIFYs and LISTENs and forwards what it hears to its own sockets.
 */
export interface Notifier {
  announce(seq: number): Promise<void>;
  subscribe(listener: (seq: number) => void): () => void;
  close(): Promise<void>;
}

export async function createNotifier(store: ServerDb): Promise<Notifier> {
  const listeners = new Set<(seq: number) => void>();
  const fanOut = (seq: number) => {
    for (const l of listeners) l(seq);
  };
  let client: pg.Client | undefined;
  if (store.pgConfig) {
    // A connection of its own, outside the pool: LISTEN state must not leak into pooled queries.
    const { Client } = await loadPg();
    client = new Client(store.pgConfig);
    await client.connect();
    client.on('notification', (msg) => {
      const seq = Number(msg.payload);
      if (msg.channel === CHANNEL && Number.isFinite(seq)) fanOut(seq);
    });
    await client.query(`LISTEN ${CHANNEL}`);
  }
  return {
    async announce(seq) {
      // PostgreSQL delivers our own NOTIFY back to our LISTEN connection, which fans it out.
      if (store.pool) await store.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, String(seq)]);
      else fanOut(seq);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await client?.end();
    },
  };
}
