import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addIntegration, hookUrl } from '../../server/alerts/integrations';
import { listDeliveries } from '../../server/repos/alertInbox';
import { startTestServer } from '../../server/testSupport';

/**
 * The real Prometheus Alertmanager (Debian's `prometheus-alertmanager`, installed by .ci/run)
 * delivering to the office server on loopback: an alert posted to its API arrives through its
 * webhook receiver with the bearer token, firing and then resolved. Skipped where the binary is
 * missing (a developer machine without the package).
 */
const BIN = ['/usr/bin/prometheus-alertmanager', '/usr/bin/alertmanager'].find((file) => fs.existsSync(file));

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
}, 30_000);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe.skipIf(!BIN)('Prometheus Alertmanager → office server (skipped without prometheus-alertmanager)', () => {
  it('delivers a firing and then a resolved alert through its webhook receiver with the bearer token', async () => {
    const server = await startTestServer('sqlite');
    cleanups.push(() => server.close());
    const integration = await addIntegration(server.store, { kind: 'alertmanager', name: 'prometheus' }, Date.now());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vangnet-am-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.writeFileSync(
      path.join(dir, 'alertmanager.yml'),
      [
        'route:',
        '  receiver: vangnet',
        "  group_by: ['alertname']",
        '  group_wait: 0s',
        '  group_interval: 1s',
        '  repeat_interval: 1h',
        'receivers:',
        '  - name: vangnet',
        '    webhook_configs:',
        `      - url: ${hookUrl(server.url, integration)}`,
        '        send_resolved: true',
        '        http_config:',
        '          authorization:',
        '            type: Bearer',
        `            credentials: ${integration.secret}`,
      ].join('\n'),
    );
    const port = await freePort();
    const am: ChildProcess = spawn(
      BIN!,
      [
        `--config.file=${path.join(dir, 'alertmanager.yml')}`,
        `--storage.path=${path.join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--cluster.listen-address=',
      ],
      { stdio: 'ignore' },
    );
    cleanups.push(() => am.kill('SIGKILL'));
    const api = `http://127.0.0.1:${port}`;
    await vi.waitFor(async () => expect((await fetch(`${api}/-/ready`)).status).toBe(200), { timeout: 15_000, interval: 100 });

    const alert = {
      labels: { alertname: 'DiskFull', instance: 'web01', severity: 'critical' },
      annotations: { summary: 'Disk full on web01' },
    };
    const sent = await fetch(`${api}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ ...alert, startsAt: new Date().toISOString() }]),
    });
    expect(sent.status).toBe(200);
    const parsed = async () => (await listDeliveries(server.store.db, { limit: 10 })).filter((r) => r.status === 'processed');
    await vi.waitFor(async () => expect(await parsed()).toHaveLength(1), { timeout: 15_000, interval: 100 });
    const [firing] = (await parsed())[0]!.normalized!;
    expect(firing).toMatchObject({ source: 'alertmanager', status: 'firing', title: 'DiskFull', severity: 'critical', endsAt: null });
    expect(firing!.fingerprint).toMatch(/^[0-9a-f]{16}$/);

    await fetch(`${api}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { ...alert, startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() - 1000).toISOString() },
      ]),
    });
    await vi.waitFor(async () => expect((await parsed())[0]!.normalized![0]!.status).toBe('resolved'), { timeout: 15_000, interval: 100 });
    expect((await parsed())[0]!.normalized![0]!.fingerprint).toBe(firing!.fingerprint);
    expect(await listDeliveries(server.store.db, { limit: 10, status: 'rejected' })).toEqual([]);
  }, 60_000);
});
