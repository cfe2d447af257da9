import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../cli/main';
import { listBackups } from '../store/backups';
import { storeFile } from '../store/paths';
import { readDamage } from '../store/storeDamage';
import { addClients, breakAuditIndex, tempDataDir } from '../testSupport';
import { dispatch } from './dispatch';
import { type Engine, openEngine } from './engine';

const engines: Engine[] = [];
afterEach(() => {
  for (const e of engines.splice(0)) e.close();
  vi.restoreAllMocks();
});

let stderr = '';
let stdout = '';
beforeEach(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
});

async function cli(home: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  stdout = '';
  stderr = '';
  const code = await main(['node', 'vangnet', '--home', home, ...args]);
  return { code, out: stdout, err: stderr };
}

function open(dataDir: string): Engine {
  const engine = openEngine({ dataDir });
  engines.push(engine);
  engine.ensureProfile('Test Engineer');
  return engine;
}

function count(engine: Engine, table: string): number {
  return (engine.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe("the store's care after start", () => {
  it('checks the whole store, verifies the audit chain and keeps a verified backup', async () => {
    const dataDir = tempDataDir();
    const engine = open(dataDir);
    addClients(engine, 5);
    const round = await engine.care.runRound();
    expect(round.outcome).toBe('sound');
    expect(listBackups(dataDir).map((b) => b.name)).toEqual([round.backup]);
    expect(engine.storeStatus()).toMatchObject({ open: true, damage: null, lastFullCheck: { ok: true } });
  });

  it('marks a store with a missing index entry damaged (quick_check misses it); then the engine and the CLI refuse every write, and reads still work', async () => {
    const dataDir = tempDataDir();
    const first = open(dataDir);
    addClients(first, 5);
    first.close();
    engines.splice(0);
    breakAuditIndex(storeFile(dataDir));

    // quick_check at open passes: the app opens and starts as usual.
    const app = open(dataDir);
    const round = await app.care.runRound();
    expect(round).toEqual({ outcome: 'damaged', backup: null });
    expect(readDamage(storeFile(dataDir))).toMatchObject({ source: 'check', detail: expect.stringMatching(/missing from index audit_by_entity/) });
    expect(listBackups(dataDir)).toEqual([]);

    expect(() => app.mutate('client.create', { id: '0190a5a8-0000-7000-8000-000000000001', name: 'After', code: 'AFTER' })).toThrow(
      expect.objectContaining({ code: 'store_damaged' }),
    );
    app.close();
    engines.splice(0);
    const bytes = fs.readFileSync(storeFile(dataDir));

    const write = await cli(dataDir, 'client', 'add', '--name', 'From the CLI', '--code', 'CLI');
    expect(write.code).not.toBe(0);
    expect(write.err).toMatch(/found damaged/);
    const read = await cli(dataDir, '--json', 'client', 'list');
    expect(read.code).toBe(0);
    expect(JSON.parse(read.out)).toHaveLength(5);
    // Nothing was written on top of the damage: not by the refused writes, not by a checkpoint.
    expect(fs.readFileSync(storeFile(dataDir)).equals(bytes)).toBe(true);

    const again = open(dataDir);
    expect(count(again, 'clients')).toBe(5);
    expect(again.storeStatus()).toMatchObject({ open: true, damage: { source: 'check' } });
  });

  it('marks the store damaged when SQLite reports corruption during a call, and refuses writes from then on', async () => {
    const dataDir = tempDataDir();
    const engine = open(dataDir);
    addClients(engine, 2);
    // What better-sqlite3 throws when a page it reads turns out malformed.
    const malformed = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
    vi.spyOn(engine.handlers.clients, 'list').mockImplementation(() => {
      throw malformed;
    });
    expect(await dispatch(engine, 'clients.list', {})).toMatchObject({ ok: false, error: { code: 'store_damaged' } });
    expect(readDamage(storeFile(dataDir))).toMatchObject({ source: 'use', detail: 'database disk image is malformed' });
    expect(await dispatch(engine, 'clients.create', { name: 'After', code: 'AFTER' })).toMatchObject({ ok: false, error: { code: 'store_damaged' } });
    expect(count(engine, 'clients')).toBe(2);
  });

  it('marks the store damaged when the audit chain is broken, and takes no backup', async () => {
    const dataDir = tempDataDir();
    const engine = open(dataDir);
    addClients(engine, 3);
    expect((await engine.care.runRound()).outcome).toBe('sound');
    addClients(engine, 3, 'D');
    // An edit behind the engine's back, after the first round verified the chain so far.
    engine.db.unsafeMode(true);
    const triggers = engine.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'`).pluck().all() as string[];
    for (const name of triggers) engine.db.exec(`DROP TRIGGER "${name}"`);
    engine.db.exec(`UPDATE audit SET actor_name = 'Someone else' WHERE seq = (SELECT max(seq) FROM audit)`);
    const round = await engine.care.runRound();
    expect(round).toEqual({ outcome: 'damaged', backup: null });
    expect(readDamage(storeFile(dataDir))).toMatchObject({ source: 'audit' });
    expect(listBackups(dataDir)).toHaveLength(1);
  });
});
