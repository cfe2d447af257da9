import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../engine/dispatch';
import { openEngine } from '../engine/engine';
import { tempDataDir } from '../testSupport';
import { runVangnet } from './testCli';

let home: string;
beforeEach(() => {
  home = tempDataDir();
});
const vangnet = (...args: string[]) => runVangnet(home, ...args);

/** A client ACME (no contract: months read in Europe/Amsterdam) with one entry on 15 January 2026. */
async function seeded(): Promise<void> {
  const engine = openEngine({ dataDir: home });
  try {
    engine.ensureProfile('Sanne');
    const client = await dispatch(engine, 'clients.create', { name: 'Acme', code: 'ACME' });
    if (!client.ok) throw new Error(client.error.message);
    const logged = await dispatch(engine, 'time.log', {
      clientId: (client.value as { id: string }).id,
      startedAt: '2026-01-15T09:00:00Z',
      minutes: 30,
    });
    if (!logged.ok) throw new Error(logged.error.message);
  } finally {
    engine.close();
  }
}

describe('vangnet month', () => {
  it('closes a month, marks its entries in time list, refuses logging into it, and reopens with a reason', async () => {
    await seeded();
    const closed = await vangnet('month', 'close', '--client', 'ACME', '--month', '2026-01');
    expect([closed.code, closed.out]).toEqual([0, 'Closed 2026-01 for ACME (read in Europe/Amsterdam)\n']);
    const list = await vangnet('time', 'list', '--month', '2026-01');
    expect(list.out).toMatch(/LOCK/);
    expect(list.out).toMatch(/30 .*closed/);
    const into = await vangnet('time', 'log', '--client', 'ACME', '--minutes', '10', '--at', '2026-01-20T10:00:00Z');
    expect([into.code, into.err]).toEqual([
      1,
      'error: 2026-01 is closed for this client: its time cannot change; log a correction as a new entry in an open month\n' +
        '  startedAt: 2026-01 is closed: log a correction as a new entry\n',
    ]);
    expect((await vangnet('month', 'reopen', '--client', 'ACME', '--month', '2026-01')).code).not.toBe(0);
    const reopened = await vangnet('month', 'reopen', '--client', 'ACME', '--month', '2026-01', '--reason', 'Correctie');
    expect(reopened.out).toMatch(/^Reopened 2026-01/);
    expect((await vangnet('month', 'list')).out).toMatch(/ACME\s+2026-01\s+reopened\s+Correctie/);
    expect((await vangnet('time', 'log', '--client', 'ACME', '--minutes', '10', '--at', '2026-01-20T10:00:00Z')).code).toBe(0);
  });

  it('refuses a month that has not ended and a malformed month', async () => {
    await seeded();
    const future = await vangnet('month', 'close', '--client', 'ACME', '--month', '2999-01');
    expect(future.err).toMatch(/2999-01 has not ended yet/);
    const bad = await vangnet('month', 'close', '--client', 'ACME', '--month', '2026-13');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/month/);
  });
});
