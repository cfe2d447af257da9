import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { serverCliHarness } from '../cliTestSupport';
import { connectServerDb } from '../db/connect';
import { asSystem, createMutationService } from '../services/mutations';
import { createNotifier } from '../sync/notifier';

const { run, dirs } = serverCliHarness();

describe('vangnet-server admin alert commands', () => {
  it('adds routes by client code, lists them in order, adds a heartbeat, sets the default client, and refuses bad input', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vangnet-cli-'));
    dirs.push(dataDir);
    const store = await connectServerDb({ dataDir });
    const clientId = uuidv4();
    const notifier = await createNotifier(store);
    await createMutationService({ store, notifier, now: Date.now }).runMutation(asSystem('test'), 'client.create', {
      id: clientId,
      name: 'Acme',
      code: 'ACME',
    });
    await notifier.close();
    await store.close();

    const added = await run(
      dataDir,
      'admin',
      'add-route',
      '--integration',
      'am',
      '--client',
      'acme',
      '--match',
      'team=web',
      '--match',
      'service=~db-.*',
      '--priority',
      'critical=P2',
      '--resolve-policy',
      'annotate',
      '--json',
    );
    expect(added.code).toBe(0);
    expect(JSON.parse(added.out)).toMatchObject({
      position: 1,
      clientId,
      resolvePolicy: 'annotate',
      priorityMap: { critical: 'P2' },
      matchers: [
        { label: 'team', op: '=', value: 'web' },
        { label: 'service', op: '=~', value: 'db-.*' },
      ],
    });
    expect((await run(dataDir, 'admin', 'add-route', '--integration', 'am', '--client', clientId)).out).toMatch(/at position 2 of am/);
    const listed = await run(dataDir, 'admin', 'list-routes');
    expect(listed.out.split('\n')[0]).toMatch(/^am {2}#1 {2}team="web" service=~"db-\.\*" {2}-> client .* annotate {2}critical=P2/);
    expect(listed.out.split('\n')[1]).toMatch(/^am {2}#2 {2}\(default route: everything\)/);

    const hb = await run(dataDir, 'admin', 'add-heartbeat', '--integration', 'kuma', '--every', '5m', '--grace', '2m', '--json');
    expect(JSON.parse(hb.out)).toMatchObject({ integrationId: 'kuma', everyMs: 300_000, graceMs: 120_000, silent: false });
    expect((await run(dataDir, 'admin', 'list-heartbeats')).out).toMatch(/^kuma {2}every 300 s \+ 120 s {2}last seen never/);
    const settings = await run(dataDir, 'admin', 'alert-settings', '--default-client', 'ACME', '--flap-changes', '6', '--json');
    expect(JSON.parse(settings.out)).toMatchObject({ defaultClientId: clientId, flapChanges: 6, flapWindowMs: 1_800_000 });

    expect(await run(dataDir, 'admin', 'add-route', '--integration', 'am', '--client', 'NOPE')).toMatchObject({
      code: 1,
      err: 'error: No client with id or code NOPE\n',
    });
    expect((await run(dataDir, 'admin', 'add-route', '--integration', 'am', '--client', 'ACME', '--match', 'x=~(a+)+')).err).toMatch(
      /refused: a repeated group holds a repeat/,
    );
    expect((await run(dataDir, 'admin', 'add-route', '--integration', 'am', '--client', 'ACME', '--match', 'oops')).err).toMatch(
      /Not a matcher: oops/,
    );
    expect((await run(dataDir, 'admin', 'add-heartbeat', '--integration', 'k', '--every', 'soon')).err).toMatch(/Not a duration: soon/);
    expect((await run(dataDir, 'admin', 'alert-settings', '--flap-changes', '1')).code).toBe(1);
  });
});
