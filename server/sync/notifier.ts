import type pg from 'pg';
import type { ServerDb } from '../db/connect';
import { loadPg } from '../db/pgDriver';

/**
 * NOTIFY channels are per database, not per schema: a store in a schema of its own (two instances
 * sharing one database, or the tests' schema each) gets a channel of its own, so one store's
 * writes never poke another's laptops. Cut to PostgreSQL's 63-byte identifier limit, alike on
 * both ends.
 */
export function channelOf(schema: string | undefined): string {
  return (schema ? `vangnet_changes_${schema}` : 'vangnet_changes').slice(0, 63);
}

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
  const channel = channelOf(store.schema);
  if (store.pgConfig) {
    // A connection of its own, outside the pool: LISTEN state must not leak into pooled queries.
    const { Client } = await loadPg();
    client = new Client(store.pgConfig);
    await client.connect();
    client.on('notification', (msg) => {
      const seq = Number(msg.payload);
      if (msg.channel === channel && Number.isFinite(seq)) fanOut(seq);
    });
    await client.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
  }
  return {
    async announce(seq) {
      // PostgreSQL delivers our own NOTIFY back to our LISTEN connection, which fans it out.
      if (store.pool) await store.pool.query('SELECT pg_notify($1, $2)', [channel, String(seq)]);
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
