import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import type { Metrics } from './metrics';
import { problemFor, sendProblem } from './problem';

/**
 * Heavy requests (pull pages, checksums, audit pages) one process serves at once. On SQLite each
 * runs synchronously on the event loop, so every one admitted delays `/healthz` and every other
 * request by its whole cost: a few keep the CPU busy, more only make everyone wait.
 */
export const HEAVY_IN_FLIGHT_MAX = 4;
/** Seconds a shed client is asked to wait (the laptop adds jitter). */
export const SHED_RETRY_AFTER_S = 2;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Counts against the process's bound on heavy requests in flight; beyond it, 503 + Retry-After. */
    heavy?: boolean;
  }
}

/**
 * Sheds load before latency runs away: a heavy request beyond the bound is answered 503 with
 * Retry-After at once, before authentication or any query, and counted in metrics. Light routes
 * (`/healthz`, `/metrics`, the realtime channel) are never shed.
 */
export function registerLoadShedding(app: FastifyInstance, metrics: Metrics, maxInFlight = HEAVY_IN_FLIGHT_MAX): void {
  let inFlight = 0;
  app.addHook('onRequest', async (request, reply) => {
    if (!request.routeOptions.config.heavy) return;
    if (inFlight >= maxInFlight) {
      metrics.shed.inc({ route: request.routeOptions.url ?? 'unknown' });
      await sendProblem(reply.header('retry-after', SHED_RETRY_AFTER_S), {
        ...problemFor('unavailable', `The server is busy; retry in ${SHED_RETRY_AFTER_S} s`),
      });
      return reply;
    }
    inFlight += 1;
    // 'close' comes once per response, whether it finished, failed or the client went away.
    reply.raw.once('close', () => (inFlight -= 1));
    // Requests that arrived together are all admitted or shed before any admitted one runs its
    // (on SQLite synchronous) queries, so a health check in the same burst is answered first.
    await yieldToEventLoop();
    return undefined;
  });
}
