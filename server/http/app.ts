import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { VangnetError } from '../../shared/errors';
import { SYNC_BODY_MAX_BYTES } from '../../shared/sync/protocol';
import { RolledBackError } from '../../shared/sync/rollback';
import type { ServerDb } from '../db/connect';
import { logger } from '../log';
import { createNotifier, type Notifier } from '../sync/notifier';
import { createAuthGuard } from './authGuard';
import { createMetrics } from './metrics';
import { problemFor, sendProblem } from './problem';
import { registerApiRoutes } from './apiRoutes';
import { registerSyncRoutes } from './syncRoutes';

const log = logger('http');

export interface ServerOptions {
  store: ServerDb;
  /** Injected wall clock (tests move it to check the HLC skew guard). */
  now?: () => number;
}

export interface VangnetServer {
  app: FastifyInstance;
  notifier: Notifier;
  close(): Promise<void>;
}

/** Assembles the office server: sync endpoints, realtime channel, REST API, health and metrics. */
export async function buildServer(options: ServerOptions): Promise<VangnetServer> {
  const now = options.now ?? Date.now;
  const { store } = options;
  const metrics = createMetrics();
  const notifier = await createNotifier(store);
  const guard = createAuthGuard(store, metrics, now);
  // On shutdown, destroy every connection (long-polling laptops, half-open sockets) instead of waiting.
  const app = Fastify({ logger: false, bodyLimit: SYNC_BODY_MAX_BYTES, trustProxy: false, forceCloseConnections: true });

  app.setErrorHandler((err, request, reply) => {
    // A rolled_back refusal says where the laptop's new work starts and must follow (shared/sync/rollback.ts).
    if (err instanceof RolledBackError) return sendProblem(reply, { ...problemFor(err.code, err.message), ...err.details });
    if (err instanceof VangnetError) return sendProblem(reply, problemFor(err.code, err.message, err.issues));
    const fastifyErr = err as { statusCode?: number; code?: string; message: string };
    if (fastifyErr.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendProblem(reply, {
        ...problemFor('invalid_args', `Body larger than ${SYNC_BODY_MAX_BYTES} bytes`),
        status: 413,
        code: 'too_large',
      });
    }
    if (fastifyErr.statusCode && fastifyErr.statusCode < 500)
      return sendProblem(reply, { ...problemFor('invalid_args', fastifyErr.message), status: fastifyErr.statusCode });
    log.error({ err, url: request.url }, 'request failed');
    return sendProblem(reply, problemFor('internal', 'The server could not handle this request'));
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problemFor('not_found', `No route ${request.method} ${request.url.split('?')[0]}`)),
  );
  app.addHook('onResponse', async (request, reply) => {
    metrics.requests.inc({ route: request.routeOptions.url ?? 'unknown', status: String(reply.statusCode) });
  });

  await app.register(websocket, { options: { maxPayload: 1024 } });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await store.db.selectFrom('sync_state').select('head_seq').executeTakeFirstOrThrow();
      return { status: 'ready', dialect: store.dialect };
    } catch {
      return sendProblem(reply, problemFor('unavailable', 'The database is not reachable'));
    }
  });
  app.get('/metrics', async (_request, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));

  // Set while shutting down: a realtime socket still completing its upgrade is dropped at once,
  // since an open upgraded socket would keep the HTTP server from closing.
  const closing = { value: false };
  registerSyncRoutes(app, { store, guard, metrics, notifier, now, closing });
  registerApiRoutes(app, { store, guard, notifier, now });

  return {
    app,
    notifier,
    async close() {
      // Realtime sockets are only pokes: drop them rather than wait on close handshakes with
      // laptops that may have gone to sleep mid-handshake. They reconnect to whoever is up.
      closing.value = true;
      for (const socket of app.websocketServer.clients) socket.terminate();
      await app.close();
      await notifier.close();
    },
  };
}
