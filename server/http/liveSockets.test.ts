import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { revokeDevice } from '../auth/devices';
import { main } from '../cli';
import { connectServerDb } from '../db/connect';
import { DIALECTS, freshServerDb, serveStore, type TestServer } from '../testSupport';
import { LAST_SEEN_EVERY_MS } from './authGuard';
import { CLOSE_REVOKED } from './liveSockets';

let server: TestServer | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

const T0 = Date.parse('2026-03-02T09:00:00Z');

async function pairDevice(s: TestServer, clientId = 'laptopA', name = 'Sanne'): Promise<{ token: string; deviceId: string }> {
  const res = await fetch(`${s.url}/sync/v1/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: await s.engineer(name), clientId, deviceName: 'test' }),
  });
  return (await res.json()) as { token: string; deviceId: string };
}

function openLive(s: TestServer, token: string): Promise<WebSocket> {
  const socket = new WebSocket(`${s.url.replace(/^http/, 'ws')}/sync/v1/live`, { headers: { authorization: `Bearer ${token}` } });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

const closed = (socket: WebSocket) => new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));

describe.each(DIALECTS)('realtime sockets and device liveness on %s', (dialect) => {
  it('closes the realtime socket of a device revoked by another process', async () => {
    const fresh = await freshServerDb(dialect);
    server = await serveStore(fresh.store, fresh.drop, undefined, { liveRecheckMs: 50 });
    const revoked = await pairDevice(server, 'laptopA');
    const kept = await pairDevice(server, 'laptopB', 'Joris');
    const [revokedSocket, keptSocket] = await Promise.all([openLive(server, revoked.token), openLive(server, kept.token)]);
    const revokedClosed = closed(revokedSocket);

    // The admin command's own connection, as `vangnet-server admin revoke-device` opens it.
    const admin = await connectServerDb(fresh.options);
    await revokeDevice(admin, revoked.deviceId);
    await admin.close();

    expect(await revokedClosed).toBe(CLOSE_REVOKED);
    expect(keptSocket.readyState).toBe(WebSocket.OPEN);
    keptSocket.close();
  });

  it('keeps last_seen_at current, at most one write per device a minute, and admin list shows it', async () => {
    let clock = T0;
    const fresh = await freshServerDb(dialect);
    server = await serveStore(fresh.store, fresh.drop, () => clock, { liveRecheckMs: 20 });
    const { token, deviceId } = await pairDevice(server);
    const lastSeen = async () =>
      (await server!.store.db.selectFrom('devices').select('last_seen_at').where('id', '=', deviceId).executeTakeFirstOrThrow())
        .last_seen_at;
    const pull = () => fetch(`${server!.url}/sync/v1/pull?after=0`, { headers: { authorization: `Bearer ${token}` } });

    clock = T0 + 2 * LAST_SEEN_EVERY_MS;
    expect((await pull()).status).toBe(200);
    expect(await lastSeen()).toBe(new Date(T0 + 2 * LAST_SEEN_EVERY_MS).toISOString());
    clock += LAST_SEEN_EVERY_MS / 2;
    expect((await pull()).status).toBe(200);
    expect(await lastSeen()).toBe(new Date(T0 + 2 * LAST_SEEN_EVERY_MS).toISOString());

    // A laptop that only listens on the realtime channel is alive too.
    const socket = await openLive(server, token);
    clock = T0 + 10 * LAST_SEEN_EVERY_MS;
    await vi.waitFor(async () => expect(await lastSeen()).toBe(new Date(T0 + 10 * LAST_SEEN_EVERY_MS).toISOString()));
    socket.close();

    if (dialect === 'sqlite') {
      const printed: string[] = [];
      vi.spyOn(process.stdout, 'write').mockImplementation((text) => printed.push(String(text)) > 0);
      expect(await main(['node', 'vangnet-server', '--data', fresh.options.dataDir!, 'admin', 'list'])).toBe(0);
      expect(printed.join('')).toContain(`device ${deviceId}  test  paired ${new Date(T0).toISOString().slice(0, 4)}`);
      expect(printed.join('')).toContain(`last seen ${new Date(T0 + 10 * LAST_SEEN_EVERY_MS).toISOString()}`);
    }
  });
});
