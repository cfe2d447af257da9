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

/** A client with one platform, made through the engine (the CLI has no `platform add` yet). */
async function platformMade(): Promise<string> {
  const engine = openEngine({ dataDir: home });
  try {
    engine.ensureProfile('Sanne');
    const client = await dispatch(engine, 'clients.create', { name: 'Zorgplein', code: 'ZORG' });
    if (!client.ok) throw new Error(client.error.message);
    const made = await dispatch(engine, 'platforms.create', { clientId: (client.value as { id: string }).id, name: 'Portaal' });
    if (!made.ok) throw new Error(made.error.message);
    return (made.value as { id: string }).id;
  } finally {
    engine.close();
  }
}

describe('vangnet platform delete', () => {
  it('deletes the platform (an unpaired profile is its own admin) and says so', async () => {
    const id = await platformMade();
    const deleted = await vangnet('--json', 'platform', 'delete', id);
    expect(deleted.code).toBe(0);
    expect(JSON.parse(deleted.out)).toEqual({ id });
    const again = await vangnet('platform', 'delete', id);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/Unknown platform/);
  });

  it('refuses an id that is not one', async () => {
    const bad = await vangnet('platform', 'delete', 'not-an-id');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/id/);
  });
});
