import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type DeviceAuth, authenticate, markDeviceSeen } from '../auth/devices';
import type { ServerDb } from '../db/connect';
import { logger } from '../log';
import { recordAuthEvent } from '../repos/authEvents';
import type { Metrics } from './metrics';
import { type Problem, problemFor, sendProblem } from './problem';

const log = logger('auth');

export const FAILURE_WINDOW_MS = 5 * 60 * 1000;
export const MAX_FAILURES = 10;
/** `devices.last_seen_at` is written at most this often per device and process. */
export const LAST_SEEN_EVERY_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    device?: DeviceAuth;
  }
  interface FastifyContextConfig {
    /** A route without credentials (pairing): a body it refuses counts as a failed attempt of this kind. */
    refusalsCountAs?: FailureKind;
    /** Push: lone surrogate escapes reach the mutations, whose schemas refuse each one alone (jsonBody.ts). */
    surrogatesPerMutation?: boolean;
  }
}

/** `webhook`: a monitoring delivery to an unknown integration, or with a wrong token or signature (server/alerts). */
export type FailureKind = 'token' | 'pairing' | 'webhook';
/** A counter per address from @fastify/rate-limit (`app.createRateLimit`), bumped once per failed attempt. */
export type FailureCounter = ReturnType<FastifyInstance['createRateLimit']>;

/**
 * Bearer-token checks with a per-address failure budget. Valid credentials are always accepted, so
 * a whole office behind one NAT address is never locked out by a broken laptop or a guesser among
 * them; only failed attempts beyond MAX_FAILURES in the window get 429 instead of 401, with
 * Retry-After and RateLimit headers. Failures within the budget are logged and written to auth_events.
 */
export function createAuthGuard(store: ServerDb, metrics: Metrics, now: () => number, countFailure: FailureCounter) {
  const lastSeenWritten = new Map<string, number>();

  /** Keeps `devices.last_seen_at` current without a write per request. */
  async function seen(deviceId: string): Promise<void> {
    const at = now();
    if (at - (lastSeenWritten.get(deviceId) ?? -Infinity) < LAST_SEEN_EVERY_MS) return;
    lastSeenWritten.set(deviceId, at);
    try {
      await markDeviceSeen(store, deviceId, at);
    } catch (err) {
      // Bookkeeping only: a busy database must not fail the request that proved the device alive.
      log.warn({ err, deviceId }, 'could not record when the device was last seen');
    }
  }

  /** Answers a failed attempt: `problem` within the budget, 429 beyond it. */
  async function refuse(request: FastifyRequest, reply: FastifyReply, kind: FailureKind, detail: string, problem: Problem) {
    const count = await countFailure(request);
    metrics.authFailures.inc({ kind });
    if (count.isAllowed) return sendProblem(reply, problem);
    reply.header('ratelimit-limit', count.max).header('ratelimit-reset', count.ttlInSeconds);
    if (!count.isExceeded) {
      log.warn({ ip: request.ip, kind, detail }, 'authentication failed');
      await recordAuthEvent(store.db, { at: now(), kind: `${kind}_failed`, ip: request.ip, detail });
      return sendProblem(reply.header('ratelimit-remaining', count.remaining), problem);
    }
    // Beyond the budget nothing is written: a flood of guesses must not become a flood of rows.
    metrics.rateLimited.inc({ kind });
    return sendProblem(reply.header('ratelimit-remaining', 0).header('retry-after', count.ttlInSeconds), {
      ...problemFor('unauthorized', 'server.tooManyAttempts', { seconds: count.ttlInSeconds }),
      status: 429,
      code: 'rate_limited',
      title: 'rate limited',
    });
  }

  return {
    refuse,
    seen,
    /** Fastify preHandler: sets request.device or answers 401/429. */
    async requireDevice(request: FastifyRequest, reply: FastifyReply): Promise<void> {
      const header = request.headers.authorization ?? '';
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      const device = token ? await authenticate(store, token) : null;
      if (!device) {
        const detail = token ? 'unknown or revoked token' : 'no bearer token';
        await refuse(request, reply, 'token', detail, problemFor('unauthorized', 'server.badToken'));
        return;
      }
      request.device = device;
      await seen(device.deviceId);
    },
  };
}
export type AuthGuard = ReturnType<typeof createAuthGuard>;
