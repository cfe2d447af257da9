import os from 'node:os';
import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { VangnetError } from '../../shared/errors';
import { SYNC_BODY_MAX_BYTES } from '../../shared/sync/protocol';
import { RolledBackError } from '../../shared/sync/rollback';
import type { ServerDb } from '../db/connect';
import { createJobs, JOB_LEASE_MS, type Jobs } from '../jobs/jobs';
import { prunePairingCodes } from '../jobs/builtin';
import { heartbeatJob } from '../alerts/heartbeat';
import { leadershipFor } from '../jobs/leadership';
import { logger } from '../log';
import { readHeadSeq } from '../repos/syncState';
import { createMutationService, type MutationService } from '../services/mutations';
import { createNotifier, type Notifier } from '../sync/notifier';
import { type AlertInbox, createAlertInbox } from '../alerts/inbox';
import { createAuthGuard, FAILURE_WINDOW_MS, MAX_FAILURES } from './authGuard';
import { checkedJsonText } from './jsonBody';
import { registerLoadShedding } from './loadShedding';
import { createMetrics } from './metrics';
import { type Problem, problemFor, sendProblem } from './problem';
import { registerApiRoutes } from './apiRoutes';
import { registerHookRoutes } from './hookRoutes';
import { registerSyncRoutes } from './syncRoutes';

const log = logger('http');

/** Statuses that, on a route without credentials, count as a failed attempt of the address. */
const COUNTED_REFUSALS = new Set([400, 401, 413, 415]);

/** The problem document for anything a handler, hook or parser threw. */
export function problemForError(err: unknown): Problem {
  // A rolled_back refusal says where the laptop's new work starts and must follow (shared/sync/rollback.ts).
  if (err instanceof RolledBackError) return { ...problemFor(err.code, err.key, err.params), ...err.details };
  if (err instanceof VangnetError) return problemFor(err.code, err.key, err.params, err.issues);
  const fastifyErr = err as { statusCode?: number; code?: string; message: string };
  if (fastifyErr.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { ...problemFor('invalid_args', 'server.tooLarge', { max: SYNC_BODY_MAX_BYTES }), status: 413, code: 'too_large' };
  }
  if (fastifyErr.statusCode && fastifyErr.statusCode < 500)
    return { ...problemFor('invalid_args', 'server.refused', { detail: fastifyErr.message }), status: fastifyErr.statusCode };
  return problemFor('internal', 'server.failed');
}

export interface ServerOptions {
  store: ServerDb;
  /** Injected wall clock (tests move it to check the HLC skew guard). */
  now?: () => number;
  /** Heavy requests (pulls, checksums, audit pages) served at once before shedding with 503. */
  maxHeavyInFlight?: number;
  /** How often open realtime sockets are checked for revoked devices. */
  liveRecheckMs?: number;
  /** How long a background job's lead outlives a vanished SQLite leader (server/jobs/jobs.ts). */
  jobLeaseMs?: number;
  /** Names this process in job leases (defaults to host, pid and a random suffix). */
  jobHolder?: string;
}

export interface VangnetServer {
  app: FastifyInstance;
  notifier: Notifier;
  /** The server's one way to write (push, REST, and what the server does by itself: `asSystem`). */
  mutations: MutationService;
  /** Background jobs: one runner across every process on the database. */
  jobs: Jobs;
  /** Monitoring deliveries stored by the webhook receivers, parsed after their answer (server/alerts). */
  alertInbox: AlertInbox;
  close(): Promise<void>;
}

/** Assembles the office server: sync endpoints, realtime channel, REST API, health and metrics. */
export async function buildServer(options: ServerOptions): Promise<VangnetServer> {
  const now = options.now ?? Date.now;
  const { store } = options;
  const metrics = createMetrics();
  const notifier = await createNotifier(store);
  // On shutdown, destroy every connection (long-polling laptops, half-open sockets) instead of waiting.
  const app = Fastify({ logger: false, bodyLimit: SYNC_BODY_MAX_BYTES, trustProxy: false, forceCloseConnections: true });
  // Counts failed attempts per address only; no route is limited as a whole (global: false).
  await app.register(rateLimit, { global: false });
  const guard = createAuthGuard(store, metrics, now, app.createRateLimit({ max: MAX_FAILURES, timeWindow: FAILURE_WINDOW_MS }));

  // Every JSON body is checked as raw bytes first: fatal UTF-8, bounded depth and size, no lone surrogates.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = checkedJsonText(body as Buffer, request.routeOptions.config.surrogatesPerMutation ? 'allow' : 'refuse');
    } catch (err) {
      done(err as Error, undefined);
      return;
    }
    parseJson(request, text, done);
  });

  app.setErrorHandler((err, request, reply) => {
    const problem = problemForError(err);
    if (problem.status >= 500) log.error({ err, url: request.url }, 'request failed');
    // A route without credentials: whatever it refuses counts against the address's failure budget.
    const kind = request.routeOptions.config.refusalsCountAs;
    if (kind && COUNTED_REFUSALS.has(problem.status)) return guard.refuse(request, reply, kind, `refused: ${problem.detail}`, problem);
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problemFor('not_found', 'server.noRoute', { method: request.method, path: request.url.split('?')[0] ?? '' })),
  );
  app.addHook('onResponse', async (request, reply) => {
    metrics.requests.inc({ route: request.routeOptions.url ?? 'unknown', status: String(reply.statusCode) });
  });

  registerLoadShedding(app, metrics, options.maxHeavyInFlight);
  await app.register(websocket, { options: { maxPayload: 1024 } });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await readHeadSeq(store.db);
      return { status: 'ready', dialect: store.dialect };
    } catch {
      return sendProblem(reply, problemFor('unavailable', 'server.databaseDown'));
    }
  });
  app.get('/metrics', async (_request, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));

  // Set while shutting down: a realtime socket still completing its upgrade is dropped at once,
  // since an open upgraded socket would keep the HTTP server from closing.
  const closing = { value: false };
  const mutations = createMutationService({ store, notifier, now });
  registerSyncRoutes(app, { store, guard, metrics, notifier, mutations, now, closing, liveRecheckMs: options.liveRecheckMs });
  registerApiRoutes(app, { store, guard, mutations, now });
  const alertInbox = createAlertInbox({ store, mutations, now });
  await registerHookRoutes(app, { store, guard, inbox: alertInbox, now, problemForError });

  const holder = options.jobHolder ?? `${os.hostname()}:${process.pid}:${uuidv7().slice(-8)}`;
  const leaseMs = options.jobLeaseMs ?? JOB_LEASE_MS;
  const jobs = createJobs({
    leadership: leadershipFor(store, holder, leaseMs, Date.now),
    leaseMs,
    observer: {
      leading: (job, leading) => metrics.jobLeader.set({ job }, leading ? 1 : 0),
      ran: (job, outcome) => metrics.jobRuns.inc({ job, outcome }),
    },
  });
  jobs.define(prunePairingCodes(store, now));
  jobs.define(alertInbox.sweepJob());
  jobs.define(heartbeatJob({ store, mutations, now }));

  return {
    app,
    notifier,
    mutations,
    jobs,
    alertInbox,
    async close() {
      // First, while the database is still open: a running job finishes and its lead is given up.
      await jobs.close();
      // Realtime sockets are only pokes: drop them rather than wait on close handshakes with
      // laptops that may have gone to sleep mid-handshake. They reconnect to whoever is up.
      closing.value = true;
      for (const socket of app.websocketServer.clients) socket.terminate();
      await app.close();
      // Deliveries already answered 202 are parsed before the store closes (the sweep would catch them anyway).
      await alertInbox.settled();
      await notifier.close();
    },
  };
}
