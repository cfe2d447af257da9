import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { VangnetError } from '../../shared/errors';
import type { Metrics } from './metrics';
import { problemFor, sendProblem } from './problem';

/**
 * Heavy requests (pull pages, checksums, audit pages) one process serves at once. On SQLite each
 * runs synchronously on the event loop, so every one admitted delays `/healthz` and every other
 * request by its whole cost: a few keep the CPU busy, more only make everyone wait.
 */
export const HEAVY_IN_FLIGHT_MAX = 4;
/**
 * Heavy requests that may wait for a slot, first come first served: after a commit every connected
 * laptop is poked and pulls at once, and those small pulls should wait a moment, not be sent away.
 * Beyond the queue, requests are shed.
 */
export const HEAVY_QUEUE_MAX = 32;
/** Seconds a shed client is asked to wait (the laptop adds jitter). */
export const SHED_RETRY_AFTER_S = 2;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Counts against the process's bound on heavy requests in flight; beyond it, 503 + Retry-After. */
    heavy?: boolean;
  }
}

/**
 * Sheds load before latency runs away: a heavy request runs when one of `maxInFlight` slots is
 * free, waits in a bounded queue otherwise, and beyond that is answered 503 with Retry-After at
 * once, before authentication or any query, and counted in metrics. Light routes (`/healthz`,
 * `/metrics`, the realtime channel) never wait.
 */
export function registerLoadShedding(
  app: FastifyInstance,
  metrics: Metrics,
  maxInFlight = HEAVY_IN_FLIGHT_MAX,
  queueMax = HEAVY_QUEUE_MAX,
): void {
  let inFlight = 0;
  const queue: (() => void)[] = [];

  /** A finished request hands its slot to the first in the queue. */
  function release(): void {
    const next = queue.shift();
    if (next) next();
    else inFlight -= 1;
  }

  /** Resolves true when the request holds a slot, false when its client went away while it waited. */
  function admit(response: ServerResponse): Promise<boolean> {
    return new Promise((resolve) => {
      let state: 'queued' | 'running' | 'gone' = 'queued';
      const start = () => {
        state = 'running';
        resolve(true);
      };
      // 'close' comes once per response, whether it finished, failed or the client went away.
      response.once('close', () => {
        if (state === 'running') release();
        else if (state === 'queued') {
          queue.splice(queue.indexOf(start), 1);
          resolve(false);
        }
        state = 'gone';
      });
      if (inFlight < maxInFlight) {
        inFlight += 1;
        start();
      } else queue.push(start);
    });
  }

  app.addHook('onRequest', async (request, reply) => {
    if (!request.routeOptions.config.heavy) return;
    if (inFlight >= maxInFlight && queue.length >= queueMax) {
      metrics.shed.inc({ route: request.routeOptions.url ?? 'unknown' });
      await sendProblem(reply.header('retry-after', SHED_RETRY_AFTER_S), {
        ...problemFor('unavailable', 'server.busy', { seconds: SHED_RETRY_AFTER_S }),
      });
      return reply;
    }
    if (!(await admit(reply.raw))) throw new VangnetError('unavailable', 'server.clientGone');
    // Requests that arrived together are all admitted, queued or shed before any admitted one runs
    // its (on SQLite synchronous) queries, so a health check in the same burst is answered first.
    await yieldToEventLoop();
    return undefined;
  });
}
