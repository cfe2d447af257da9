import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine';
import { addClients, breakAuditIndex, testEngine } from '../testSupport';
import { backupsDir, KEEP_BACKUPS, listBackups, restoreBackup, takeBackup } from './backups';
import { storeFile } from './paths';
import { damageFile, markDamaged, readDamage } from './storeDamage';

let engine: Engine | undefined;
afterEach(() => engine?.close());

const T0 = Date.parse('2026-03-02T09:00:00Z');

function clientsIn(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('rolling verified backups', () => {
  it('keeps the newest five, each a checked copy of the store', async () => {
    const opened = testEngine();
    engine = opened.engine;
    addClients(engine, 3);
    const names: string[] = [];
    for (let i = 0; i < KEEP_BACKUPS + 2; i += 1) {
      const outcome = await takeBackup(engine.db, opened.dataDir, T0 + i * 60_000, () => false);
      expect(outcome.ok).toBe(true);
      if (outcome.ok) names.push(outcome.backup.name);
    }
    expect(listBackups(opened.dataDir).map((b) => b.name)).toEqual(names.slice(2).reverse());
    expect(fs.readdirSync(backupsDir(opened.dataDir)).sort()).toEqual(names.slice(2));
    const [newest] = listBackups(opened.dataDir);
    expect(newest).toMatchObject({ createdAt: '2026-03-02T09:06:00.000Z', bytes: expect.any(Number) });
    expect(clientsIn(path.join(backupsDir(opened.dataDir), newest!.name))).toBe(3);
  });

  it('discards a copy that fails its check, so it never pushes out a good backup', async () => {
    const opened = testEngine();
    engine = opened.engine;
    addClients(engine, 3);
    for (let i = 0; i < KEEP_BACKUPS; i += 1) expect((await takeBackup(engine.db, opened.dataDir, T0 + i * 60_000, () => false)).ok).toBe(true);
    const good = fs.readdirSync(backupsDir(opened.dataDir)).sort();
    // Damage only integrity_check sees, made while the engine holds the store (the copy inherits it).
    breakAuditIndex(storeFile(opened.dataDir));
    const outcome = await takeBackup(engine.db, opened.dataDir, T0 + 3600_000, () => false);
    expect(outcome).toEqual({ ok: false, reason: expect.stringMatching(/failed its check.*missing from index/) });
    expect(fs.readdirSync(backupsDir(opened.dataDir)).sort()).toEqual(good);
  });

  it('never backs up a store marked damaged', async () => {
    const opened = testEngine();
    engine = opened.engine;
    markDamaged(storeFile(opened.dataDir), { at: new Date(T0).toISOString(), source: 'use', detail: 'test' });
    const outcome = await takeBackup(engine.db, opened.dataDir, T0, () => readDamage(storeFile(opened.dataDir)) !== null);
    expect(outcome.ok).toBe(false);
    expect(listBackups(opened.dataDir)).toEqual([]);
  });

  it('restores a backup in place and keeps the damaged files, moved aside byte for byte', async () => {
    const opened = testEngine();
    engine = opened.engine;
    addClients(engine, 3);
    const taken = await takeBackup(engine.db, opened.dataDir, T0, () => false);
    if (!taken.ok) throw new Error(taken.reason);
    addClients(engine, 2, 'LATE');
    engine.close();
    engine = undefined;
    const file = storeFile(opened.dataDir);
    markDamaged(file, { at: new Date(T0).toISOString(), source: 'check', detail: 'test' });
    const damagedBytes = fs.readFileSync(file);
    const markBytes = fs.readFileSync(damageFile(file));

    const { movedTo } = await restoreBackup(file, opened.dataDir, taken.backup.name, T0 + 1000);

    expect(movedTo).toBe(path.join(opened.dataDir, 'damaged', '2026-03-02T09-00-01-000Z'));
    expect(fs.readFileSync(path.join(movedTo, 'vangnet.sqlite3')).equals(damagedBytes)).toBe(true);
    expect(fs.readFileSync(path.join(movedTo, 'vangnet.sqlite3.damaged')).equals(markBytes)).toBe(true);
    expect(readDamage(file)).toBeNull();
    expect(clientsIn(file)).toBe(3);
    // The backup stays a backup.
    expect(listBackups(opened.dataDir).map((b) => b.name)).toEqual([taken.backup.name]);
    // A second restore in the same instant would reuse the folder: refused rather than overwriting.
    await expect(restoreBackup(file, opened.dataDir, taken.backup.name, T0 + 1000)).rejects.toThrow(/EEXIST/);
    expect(fs.readFileSync(path.join(movedTo, 'vangnet.sqlite3')).equals(damagedBytes)).toBe(true);
  });

  it('refuses a name that is not one of the backups', async () => {
    const opened = testEngine();
    engine = opened.engine;
    await expect(restoreBackup(storeFile(opened.dataDir), opened.dataDir, '../vangnet.sqlite3', T0)).rejects.toMatchObject({ code: 'not_found' });
  });
});
