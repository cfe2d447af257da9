import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverCliHarness } from './cliTestSupport';
import { connectServerDb } from './db/connect';

const { run, dirs } = serverCliHarness();

describe('vangnet-server admin set-role', () => {
  it('changes a role by e-mail or id, audits it in auth_events, and refuses unknown engineers and roles', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vangnet-cli-'));
    dirs.push(dataDir);
    const added = await run(dataDir, 'admin', 'add-engineer', '--name', 'Sanne', '--email', 'sanne@agency.test', '--json');
    const { engineer } = JSON.parse(added.out) as { engineer: { id: string; role: string } };
    expect(engineer.role).toBe('engineer'); // the default

    const toLead = await run(dataDir, 'admin', 'set-role', 'Sanne@Agency.test', 'lead', '--json');
    expect(toLead.code).toBe(0);
    expect(JSON.parse(toLead.out)).toMatchObject({ previousRole: 'engineer', engineer: { id: engineer.id, role: 'lead' } });
    const toAdmin = await run(dataDir, 'admin', 'set-role', engineer.id, 'admin');
    expect(toAdmin.out).toBe('Sanne <sanne@agency.test>: lead -> admin\n');
    expect((await run(dataDir, 'admin', 'set-role', engineer.id, 'admin')).out).toMatch(/already has the admin role/);

    const unknown = await run(dataDir, 'admin', 'set-role', 'nobody@agency.test', 'lead');
    expect(unknown).toMatchObject({ code: 1, err: 'error: No engineer with id or e-mail nobody@agency.test\n' });
    const badRole = await run(dataDir, 'admin', 'set-role', engineer.id, 'boss');
    expect(badRole.code).toBe(1);
    expect(badRole.err).toMatch(/Not a role: boss/);

    const store = await connectServerDb({ dataDir });
    try {
      const events = await store.db.selectFrom('auth_events').select(['kind', 'detail']).orderBy('id').execute();
      expect(events.map((e) => [e.kind, JSON.parse(e.detail) as unknown])).toEqual([
        ['role_changed', { engineerId: engineer.id, email: 'sanne@agency.test', from: 'engineer', to: 'lead' }],
        ['role_changed', { engineerId: engineer.id, email: 'sanne@agency.test', from: 'lead', to: 'admin' }],
      ]);
      const role = await store.db.selectFrom('engineers').select('role').executeTakeFirstOrThrow();
      expect(role.role).toBe('admin');
    } finally {
      await store.close();
    }
  });
});
