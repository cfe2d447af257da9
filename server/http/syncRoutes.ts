import type { FastifyInstance } from 'fastify';
import { VangnetError } from '../../shared/errors';
import { parseHlc } from '../../shared/hlc';
import { AuditTrailQuery } from '../../shared/sync/auditTrail';
import { PairRequest, PullQuery, PushRequest, SERVER_TIME_HEADER } from '../../shared/sync/protocol';
import { parseOrThrow } from '../../shared/validation';
import { pairDevice } from '../auth/devices';
import type { ServerDb } from '../db/connect';
import { handleAuditTrail } from '../sync/auditTrail';
import { computeChecksums } from '../sync/checksums';
import { handlePullBytes } from '../sync/pull';
import type { Notifier } from '../sync/notifier';
import type { MutationService } from '../services/mutations';
import type { AuthGuard } from './authGuard';
import { createLiveSockets, LIVE_RECHECK_MS } from './liveSockets';
import type { Metrics } from './metrics';

interface Deps {
  store: ServerDb;
  guard: AuthGuard;
  metrics: Metrics;
  notifier: Notifier;
  mutations: MutationService;
  now: () => number;
  closing: { value: boolean };
  liveRecheckMs?: number | undefined;
}

/** The sync protocol's endpoints (docs/sync-protocol.md). */
export function registerSyncRoutes(app: FastifyInstance, deps: Deps): void {
  const { store, guard, metrics, notifier, mutations, now, closing } = deps;
  const live = createLiveSockets(store, deps.liveRecheckMs ?? LIVE_RECHECK_MS, guard.seen);
  app.addHook('onClose', async () => live.stop());

  // Every sync reply, errors included, tells the laptop the time (read as late as possible): it
  // estimates its clock's offset from it (shared/sync/clockOffset.ts).
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/sync/')) reply.header(SERVER_TIME_HEADER, String(now()));
  });

  // No credentials yet: a wrong code or a refused body counts against the address (app.ts's error handler).
  app.post('/sync/v1/pair', { config: { refusalsCountAs: 'pairing' } }, async (request) =>
    pairDevice(store, parseOrThrow(PairRequest, request.body, 'pairing request'), now()),
  );

  app.post('/sync/v1/push', { preHandler: guard.requireDevice, config: { surrogatesPerMutation: true } }, async (request) => {
    const body = parseOrThrow(PushRequest, request.body, 'push');
    try {
      const result = await mutations.push(request.device!, body);
      metrics.pushes.inc({ outcome: 'ok' });
      metrics.mutations.inc({ outcome: 'applied' }, result.applied);
      metrics.mutations.inc({ outcome: 'skipped' }, result.skipped);
      metrics.mutations.inc({ outcome: 'rejected' }, result.rejected.length);
      for (const m of body.mutations) {
        const wall = safeWall(m.hlc);
        if (wall !== null) metrics.lag.observe(Math.max(0, now() - wall) / 1000);
      }
      return result;
    } catch (err) {
      metrics.pushes.inc({ outcome: err instanceof VangnetError ? err.code : 'error' });
      throw err;
    }
  });

  app.get('/sync/v1/pull', { preHandler: guard.requireDevice, config: { heavy: true } }, async (request, reply) => {
    const query = parseOrThrow(PullQuery, request.query, 'pull query');
    metrics.pulls.inc();
    return reply
      .type('application/json')
      .send(await handlePullBytes(store, request.device!, query.after, query.limit, query.bootstrap, query.table));
  });

  // Per-table checksums at one seq, so a caught-up laptop can check it holds the same rows.
  app.get('/sync/v1/checksums', { preHandler: guard.requireDevice, config: { heavy: true } }, async () => computeChecksums(store));

  // One entity's audit history, newest first: what a laptop's bootstrap left out, fetched when it is opened.
  app.get('/sync/v1/audit', { preHandler: guard.requireDevice, config: { heavy: true } }, async (request) =>
    handleAuditTrail(store, parseOrThrow(AuditTrailQuery, request.query, 'audit query')),
  );

  // Realtime: the socket only ever says "seq N exists"; clients pull. Nothing is read from it.
  app.get('/sync/v1/live', { websocket: true, preHandler: guard.requireDevice }, (socket, request) => {
    if (closing.value) {
      socket.terminate();
      return;
    }
    metrics.connected.inc();
    // A device revoked while connected is dropped at the next sweep (4401: pair again).
    live.add(socket, request.device!.deviceId);
    const unsubscribe = notifier.subscribe((seq) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ seq }));
    });
    socket.on('message', () => socket.close(1008, 'this channel is one-way'));
    socket.on('close', () => {
      live.remove(socket);
      unsubscribe();
      metrics.connected.dec();
    });
  });
}

function safeWall(hlc: string): number | null {
  try {
    return parseHlc(hlc).wallMs;
  } catch {
    return null;
  }
}
