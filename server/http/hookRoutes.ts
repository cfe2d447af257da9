import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { parseDelivery } from '../../shared/alerts/parse';
import { type ErrorInfo, VangnetError } from '../../shared/errors';
import type { AlertInbox } from '../alerts/inbox';
import { HOOK_BODY_MAX_BYTES, verifyDelivery } from '../alerts/verify';
import type { ServerDb } from '../db/connect';
import { logger } from '../log';
import { deliveryById, insertDelivery } from '../repos/alertInbox';
import { findIntegration } from '../repos/integrations';
import type { AuthGuard } from './authGuard';
import { problemFor, sendProblem } from './problem';

const log = logger('alerts');

/** Headers kept with a delivery: enough to re-check and debug it, never credentials or signatures. */
const KEPT_HEADERS = [
  'content-type',
  'content-length',
  'user-agent',
  'webhook-id',
  'webhook-timestamp',
  'x-grafana-alerting-signature-timestamp',
];

interface Deps {
  store: ServerDb;
  guard: AuthGuard;
  inbox: AlertInbox;
  now: () => number;
  /** Turns whatever else a route throws into its problem (app.ts). */
  problemForError: (err: unknown) => ReturnType<typeof problemFor>;
}

function keptHeaders(request: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') out[name] = value.slice(0, 500);
  }
  return out;
}

/**
 * Monitoring webhooks, `POST /hooks/:integrationId` (and `/hooks/:integrationId/:token` for Uptime
 * Kuma, which cannot sign). In order: size limit (413, nothing more read), the integration (404),
 * the raw bytes' token or signature (401; counted against the address like a bad device token),
 * then the delivery is stored raw and answered: 202 when it parses, 400 when it never will (stored
 * as `rejected` for inspection; Alertmanager does not retry a 4xx, which is right for a payload
 * that will not change), 200 for a Standard Webhooks replay, 503 only when the store fails (senders
 * retry 5xx). Parsing again, and handing the alerts on, happens after the answer (alerts/inbox.ts).
 */
export async function registerHookRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const { store, guard, inbox, now } = deps;
  await app.register(async (hooks) => {
    // Any content type, as raw bytes: the signature is over the bytes, and Kuma may send form-data.
    hooks.removeAllContentTypeParsers();
    hooks.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: HOOK_BODY_MAX_BYTES }, (_request, body, done) => done(null, body));
    hooks.setErrorHandler((err, _request, reply) => {
      if ((err as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE')
        return sendProblem(reply, {
          ...problemFor('invalid_args', 'alerts.tooLarge', { max: HOOK_BODY_MAX_BYTES }),
          status: 413,
          code: 'too_large',
        });
      const problem = deps.problemForError(err);
      if (problem.status >= 500) log.error({ err }, 'webhook failed');
      return sendProblem(reply, problem);
    });

    const receive = async (request: FastifyRequest<{ Params: { integrationId: string; token?: string } }>, reply: FastifyReply) => {
      const { integrationId, token } = request.params;
      const integration = integrationId.length <= 100 ? await findIntegration(store.db, integrationId) : null;
      if (!integration || integration.disabled)
        return guard.refuse(
          request,
          reply,
          'webhook',
          'unknown integration',
          problemFor('not_found', 'alerts.noIntegration', { id: integrationId.slice(0, 100) }),
        );
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const verdict = verifyDelivery(integration, { headers: request.headers, body, ...(token ? { pathToken: token } : {}) }, now());
      if (!verdict.ok)
        return guard.refuse(
          request,
          reply,
          'webhook',
          `${integration.id}: ${verdict.detail}`,
          problemFor('unauthorized', 'alerts.badSignature'),
        );

      if (verdict.deliveryId) {
        const earlier = await deliveryById(store.db, integration.id, verdict.deliveryId);
        if (earlier) return reply.status(200).send({ id: earlier, status: 'duplicate' });
      }
      const receivedAt = now();
      const contentType = request.headers['content-type'] ?? null;
      // Parsed here only to answer 400 at once for a payload that will never parse; the stored bytes are parsed again after.
      let refusal: VangnetError | null = null;
      try {
        parseDelivery(integration.kind, { body, contentType, receivedAt });
      } catch (err) {
        if (err instanceof VangnetError && err.code === 'invalid_args') refusal = err;
        else log.error({ err, integration: integration.id }, 'parsing a delivery failed; stored to retry');
      }
      const id = uuidv7();
      const error: ErrorInfo | null = refusal ? refusal.toInfo() : null;
      try {
        await insertDelivery(store.db, {
          id,
          integrationId: integration.id,
          receivedAt,
          deliveryId: verdict.deliveryId,
          headers: keptHeaders(request),
          body,
          status: refusal ? 'rejected' : 'received',
          error,
        });
      } catch (err) {
        // Two copies of one Standard Webhooks delivery at once: the unique index let one in.
        const earlier = verdict.deliveryId ? await deliveryById(store.db, integration.id, verdict.deliveryId).catch(() => null) : null;
        if (earlier) return reply.status(200).send({ id: earlier, status: 'duplicate' });
        log.error({ err, integration: integration.id }, 'storing a delivery failed');
        return sendProblem(reply.header('retry-after', 10), problemFor('unavailable', 'alerts.storeFailed'));
      }
      if (refusal) return sendProblem(reply, problemFor(refusal.code, refusal.key, refusal.params, refusal.issues));
      inbox.enqueue(id);
      return reply.status(202).send({ id, status: 'received' });
    };
    hooks.post('/hooks/:integrationId', receive);
    hooks.post('/hooks/:integrationId/:token', receive);
  });
}
