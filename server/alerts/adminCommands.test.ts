import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALERTMANAGER_FIRING } from '../../shared/alerts/fixtures';
import { serverCliHarness } from '../cliTestSupport';
import { connectServerDb } from '../db/connect';
import { serveStore } from '../testSupport';

const { run, dirs } = serverCliHarness();

describe('vangnet-server admin: monitoring integrations', () => {
  it('adds an integration whose URL and secret work, lists it, rotates its secret, and shows the inbox', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vangnet-cli-'));
    dirs.push(dataDir);
    const store = await connectServerDb({ dataDir });
    const s = await serveStore(store, async () => undefined);
    try {
      const added = await run(
        dataDir,
        'admin',
        'add-integration',
        '--kind',
        'alertmanager',
        '--name',
        'Prometheus',
        '--public-url',
        s.url,
        '--json',
      );
      expect(added.code).toBe(0);
      const { id, url, secret } = JSON.parse(added.out) as { id: string; url: string; secret: string };
      expect(url).toBe(`${s.url}/hooks/${id}`);
      const sent = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify(ALERTMANAGER_FIRING),
      });
      expect(sent.status).toBe(202);
      await s.server.alertInbox.settled();

      const kuma = await run(
        dataDir,
        'admin',
        'add-integration',
        '--kind',
        'uptime-kuma',
        '--public-url',
        'https://vangnet.agency.nl/',
        '--json',
      );
      const k = JSON.parse(kuma.out) as { id: string; url: string; secret: string; name: string };
      expect(k).toMatchObject({ name: 'uptime-kuma', url: `https://vangnet.agency.nl/hooks/${k.id}/${k.secret}` });

      const listed = JSON.parse((await run(dataDir, 'admin', 'list-integrations', '--json')).out) as object[];
      expect(listed).toEqual([
        expect.objectContaining({ id, kind: 'alertmanager', name: 'Prometheus', previousSecretUntil: null }),
        expect.objectContaining({ id: k.id, kind: 'uptime-kuma' }),
      ]);
      expect(JSON.stringify(listed)).not.toContain(secret);

      const rotated = await run(dataDir, 'admin', 'rotate-secret', id, '--grace-hours', '1', '--json');
      const r = JSON.parse(rotated.out) as { secret: string; previousSecretUntil: string };
      expect(r.secret).not.toBe(secret);
      expect(Date.parse(r.previousSecretUntil) - Date.now()).toBeGreaterThan(50 * 60_000);
      expect((await run(dataDir, 'admin', 'list-integrations')).out).toMatch(/Prometheus .*old secret accepted until/);

      const inbox = JSON.parse((await run(dataDir, 'admin', 'inbox', '--status', 'processed', '--json')).out) as { status: string }[];
      expect(inbox).toEqual([expect.objectContaining({ integrationId: id, status: 'processed' })]);
      expect((await run(dataDir, 'admin', 'inbox')).out).toMatch(/processed .* 1 alert\(s\): firing InstanceDown/);
      expect((await run(dataDir, 'admin', 'inbox', '--status', 'rejected', '--json')).out).toBe('[]\n');

      expect(await run(dataDir, 'admin', 'rotate-secret', 'nope')).toMatchObject({ code: 1, err: 'error: No webhook integration nope\n' });
      expect((await run(dataDir, 'admin', 'rotate-secret', id, '--grace-hours', 'soon')).err).toMatch(/--grace-hours must be/);
      expect((await run(dataDir, 'admin', 'add-integration', '--kind', 'nagios')).code).toBe(2);
      expect((await run(dataDir, 'admin', 'add-integration', '--kind', 'generic', '--public-url', 'ftp://x')).err).toMatch(
        /Not an http\(s\) address/,
      );
    } finally {
      await s.close();
      await store.close().catch(() => undefined);
    }
  });
});
