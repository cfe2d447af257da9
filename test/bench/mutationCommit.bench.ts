import path from 'node:path';
import Database from 'better-sqlite3';
import { Bench } from 'tinybench';
import { v4 as uuidv4 } from 'uuid';
import { openEngine } from '../../core/engine/engine';
import { applyPragmas } from '../../core/store/database';
import { tempDataDir } from '../../core/testSupport';
import { generateData } from '../fixtures/dataGenerator';
import { type BenchRow, type BenchSection, taskRow } from './report';

/**
 * A user action commits the incident row, its outbox entry and its audit entry (hash-chained) in one
 * transaction. The peer is the least any store can do for the same action: one better-sqlite3 insert
 * of the same row in its own transaction, on a file with the same pragmas (WAL, synchronous=FULL).
 */
export async function benchMutationCommit(): Promise<BenchSection> {
  const engine = openEngine({ dataDir: tempDataDir() });
  engine.ensureProfile('Bench');
  const data = generateData({ seed: 1, clients: 20, incidents: 0, until: new Date() });
  for (const client of data.clients) engine.mutate('client.create', client);
  const clientId = data.clients[0]!.id;

  const raw = new Database(path.join(tempDataDir(), 'raw.sqlite3'));
  applyPragmas(raw);
  raw.exec(`CREATE TABLE incidents (id TEXT PRIMARY KEY, client_id TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL,
    priority TEXT NOT NULL, status TEXT NOT NULL, opened_at TEXT NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL, field_versions TEXT NOT NULL) STRICT`);
  const insert = raw.prepare('INSERT INTO incidents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertTx = raw.transaction(() => {
    const now = new Date().toISOString();
    insert.run(uuidv4(), clientId, 'Website traag', '', 'P2', 'new', now, now, 'e1', now, '{}');
  });

  const bench = new Bench({ time: 3000, warmupTime: 300 });
  bench.add('incident.create mutation (row + outbox + audit)', () => {
    engine.mutate('incident.create', { id: uuidv4(), clientId, title: 'Website traag', priority: 'P2' });
  });
  bench.add('raw better-sqlite3 insert, one row per transaction', () => insertTx());
  await bench.run();
  const [mutation, peer] = bench.tasks.map(taskRow) as [BenchRow, BenchRow];
  engine.close();
  raw.close();
  return {
    title: 'Mutation commit vs raw insert',
    note: "Both on a file store with WAL and synchronous=FULL, one transaction per action, on this machine's disk.",
    rows: [mutation, peer],
    ratios: [
      `a mutation commit takes ${(peer.opsPerSec / mutation.opsPerSec).toFixed(2)}× the time of a raw single-row insert transaction (${Math.round(mutation.opsPerSec)} vs ${Math.round(peer.opsPerSec)} per second)`,
    ],
  };
}
