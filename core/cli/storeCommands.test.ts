import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { storeFile } from '../store/paths';
import { breakAuditIndex, tempDataDir } from '../testSupport';
import { runVangnet } from './testCli';

let home: string;

beforeEach(() => {
  home = tempDataDir();
});

const vangnet = (...args: string[]) => runVangnet(home, ...args);

describe('vangnet store', () => {
  it('checks, backs up, lists and restores', async () => {
    await vangnet('client', 'add', '--name', 'Zorgplein', '--code', 'ZORG');
    const check = await vangnet('--json', 'store', 'check', '--full');
    expect(check.code).toBe(0);
    expect(JSON.parse(check.out)).toMatchObject({ check: 'integrity_check', ok: true, problems: [], damage: null });

    const backup = await vangnet('--json', 'store', 'backup');
    expect(backup.code).toBe(0);
    const { name } = JSON.parse(backup.out) as { name: string };
    expect(JSON.parse((await vangnet('--json', 'store', 'backups')).out)).toEqual([expect.objectContaining({ name })]);
    expect((await vangnet('store', 'backups')).out).toMatch(new RegExp(`^NAME\\s+CREATED\\s+SIZE\\n${name.replace(/\./g, '\\.')}\\s`));

    await vangnet('client', 'add', '--name', 'Later', '--code', 'LATER');
    const restored = await vangnet('--json', 'store', 'restore', name);
    expect(restored.code).toBe(0);
    const { movedTo } = JSON.parse(restored.out) as { movedTo: string };
    expect(fs.existsSync(path.join(movedTo, 'vangnet.sqlite3'))).toBe(true);
    const clients = JSON.parse((await vangnet('--json', 'client', 'list')).out) as { code: string }[];
    expect(clients.map((c) => c.code)).toEqual(['ZORG']);
  });

  it('finds a missing index entry only with --full, marks the store damaged, and every write is refused after', async () => {
    await vangnet('client', 'add', '--name', 'Zorgplein', '--code', 'ZORG');
    breakAuditIndex(storeFile(home));
    expect(JSON.parse((await vangnet('--json', 'store', 'check')).out)).toMatchObject({ check: 'quick_check', ok: true });

    const full = await vangnet('--json', 'store', 'check', '--full');
    expect(full.code).toBe(1);
    expect(JSON.parse(full.out)).toMatchObject({ ok: false, damage: { source: 'check' }, problems: [expect.stringMatching(/missing from index/)] });
    expect((await vangnet('store', 'check')).out).toMatch(/The store is damaged \(check, /);

    const write = await vangnet('client', 'add', '--name', 'Other', '--code', 'OTHER');
    expect(write.code).toBe(1);
    expect(write.err).toMatch(/^error: The store at .* was found damaged/);
    const backup = await vangnet('store', 'backup');
    expect(backup.code).toBe(1);
    expect(backup.err).toMatch(/No backup was kept: the store is marked damaged/);
    expect(JSON.parse((await vangnet('--json', 'client', 'list')).out)).toEqual([expect.objectContaining({ code: 'ZORG' })]);
  });

  it('refuses to restore a name that is not a backup', async () => {
    await vangnet('client', 'add', '--name', 'Zorgplein', '--code', 'ZORG');
    const result = await vangnet('store', 'restore', 'vangnet-2020-01-01T00-00-00-000Z.sqlite3');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/There is no backup named/);
  });
});
