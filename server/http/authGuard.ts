import type { FastifyReply, FastifyRequest } from 'fastify';
import { type DeviceAuth, authenticate } from '../auth/devices';
import type { ServerDb } from '../db/connect';
import { logger } from '../log';
import type { Metrics } from './metrics';
import { problemFor, sendProblem } from './problem';

const log = logger('auth');

export const FAILURE_WINDOW_MS = 5 * 60 * 1000;
export const MAX_FAILURES = 10;

declare module 'fastify' {
  interface FastifyRequest {
    device?: DeviceAuth;
  }
}

/**
 * Bearer-token checks with a per-address brake: after MAX_FAILURES failed attempts (bad tokens or
 * bad pairing codes) within the window, that address gets 429 until the window passes. Every
 * failure is logged and written to auth_events.
 */
export function createAuthGuard(store: ServerDb, metrics: Metrics, now: () => number) {
  const failures = new Map<string, { count: number; since: number }>();

  function blocked(ip: string): boolean {
    const entry = failures.get(ip);
    if (!entry) return false;
    if (now() - entry.since > FAILURE_WINDOW_MS) {
      failures.delete(ip);
      return false;
    }
    return entry.count >= MAX_FAILURES;
  }

  async function recordFailure(ip: string, kind: 'token' | 'pairing', detail: string): Promise<void> {
    const entry = failures.get(ip);
    if (!entry || now() - entry.since > FAILURE_WINDOW_MS) failures.set(ip, { count: 1, since: now() });
    else entry.count += 1;
    metrics.authFailures.inc({ kind });
    log.warn({ ip, kind, detail }, 'authentication failed');
    await store.db
      .insertInto('auth_events')
      .values({ at: new Date(now()).toISOString(), kind: `${kind}_failed`, ip, detail })
      .execute();
  }

  function tooMany(reply: FastifyReply): FastifyReply {
    return sendProblem(reply, {
      ...problemFor('unauthorized', 'Too many failed attempts from this address; wait a few minutes'),
      status: 429,
      code: 'rate_limited',
      title: 'rate limited',
    });
  }

  return {
    blocked,
    recordFailure,
    tooMany,
    /** Fastify preHandler: sets request.device or answers 401/429. */
    async requireDevice(request: FastifyRequest, reply: FastifyReply): Promise<void> {
      if (blocked(request.ip)) {
        await tooMany(reply);
        return;
      }
      const header = request.headers.authorization ?? '';
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      const device = token ? await authenticate(store, token) : null;
      if (!device) {
        await recordFailure(request.ip, 'token', token ? 'unknown or revoked token' : 'no bearer token');
        await sendProblem(reply, problemFor('unauthorized', 'Missing, unknown or revoked device token'));
        return;
      }
      request.device = device;
    },
  };
}
export type AuthGuard = ReturnType<typeof createAuthGuard>;
