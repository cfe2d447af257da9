import type { WebSocket } from 'ws';
import { activeDeviceIds } from '../auth/devices';
import type { ServerDb } from '../db/connect';
import { logger } from '../log';

const log = logger('live');

/**
 * How often open realtime sockets are checked against the devices table. Revocation happens in
 * another process (`vangnet-server admin revoke-device`, or another server on PostgreSQL), so it is
 * polled: one query for all sockets of this process, whatever their number.
 */
export const LIVE_RECHECK_MS = 5_000;

/** Close code telling the laptop its token no longer works (pair again). */
export const CLOSE_REVOKED = 4401;

/**
 * The realtime sockets of one process by device. While any is open, a sweep every `recheckMs`
 * closes those of revoked devices (or deactivated engineers) and reports the others as seen.
 */
export function createLiveSockets(store: ServerDb, recheckMs: number, onSeen: (deviceId: string) => Promise<void>) {
  const sockets = new Map<WebSocket, string>();
  let timer: NodeJS.Timeout | undefined;
  let sweeping = false;

  async function sweep(): Promise<void> {
    if (sweeping) return;
    sweeping = true;
    try {
      const alive = await activeDeviceIds(store, [...new Set(sockets.values())]);
      for (const [socket, deviceId] of sockets) if (!alive.has(deviceId)) socket.close(CLOSE_REVOKED, 'device token revoked');
      for (const deviceId of alive) await onSeen(deviceId);
    } catch (err) {
      log.warn({ err }, 'could not recheck realtime sockets');
    } finally {
      sweeping = false;
    }
  }

  function stop(): void {
    clearInterval(timer);
    timer = undefined;
  }

  return {
    add(socket: WebSocket, deviceId: string): void {
      sockets.set(socket, deviceId);
      timer ??= setInterval(() => void sweep(), recheckMs);
    },
    remove(socket: WebSocket): void {
      sockets.delete(socket);
      if (sockets.size === 0) stop();
    },
    stop,
  };
}
