import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../testSupport';
import { openDatabase } from './database';
import { LATEST_VERSION } from './migrations/index';
import { readDamage } from './storeDamage';

describe('opening the store', () => {
  it('refuses a store from a newer version without touching it: same bytes, no -wal, still a rollback journal', () => {
    const dir = tempDataDir();
    const file = path.join(dir, 'vangnet.sqlite3');
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.exec('CREATE TABLE later_feature (id TEXT PRIMARY KEY); INSERT INTO later_feature VALUES (1)');
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const before = fs.readFileSync(file);
    const filesBefore = fs.readdirSync(dir).sort();

    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'store_too_new' }));

    expect(fs.readdirSync(dir).sort()).toEqual(filesBefore);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const again = new Database(file, { readonly: true });
    expect(again.pragma('journal_mode', { simple: true })).toBe('delete');
    again.close();
  });

  it('marks a store damaged when it is not a database at all, beside it and not in it', () => {
    const file = path.join(tempDataDir(), 'vangnet.sqlite3');
    const bytes = Buffer.from('this is not a database, it is a shopping list '.repeat(200));
    fs.writeFileSync(file, bytes);
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'store_corrupt' }));
    expect(readDamage(file)).toMatchObject({ source: 'open' });
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});
