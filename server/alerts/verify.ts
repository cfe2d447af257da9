import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AlertSource } from '../../shared/alerts/normalized';
import type { Integration } from '../repos/integrations';

/** Signed timestamps (Standard Webhooks, Grafana) further than this from the server clock are refused. */
export const TIMESTAMP_TOLERANCE_MS = 5 * 60 * 1000;
/** Largest webhook body read; beyond it the server answers 413 without reading on. */
export const HOOK_BODY_MAX_BYTES = 1024 * 1024;
/** Standard Webhooks secrets carry this prefix before their base64 key. */
const WHSEC = 'whsec_';

/**
 * A new secret for an integration of `kind`: a Standard Webhooks `whsec_…` key for the generic
 * receiver, a URL-safe random token for the others (a bearer token, Grafana's HMAC secret, Kuma's URL).
 */
export function newSecret(kind: AlertSource): string {
  return kind === 'generic' ? `${WHSEC}${randomBytes(24).toString('base64')}` : randomBytes(32).toString('base64url');
}

/** Equal texts, in time that does not depend on where they differ (hashing first evens out lengths). */
function sameText(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface SignedRequest {
  /** Lower-cased header names, as Node gives them. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The secret in the URL (`/hooks/:id/:token`), for senders that cannot sign (Uptime Kuma). */
  pathToken?: string;
}

export type Verdict = { ok: true; deliveryId: string | null } | { ok: false; detail: string };

const header = (req: SignedRequest, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const bearerOf = (req: SignedRequest) => /^Bearer\s+(\S+)$/i.exec(header(req, 'authorization') ?? '')?.[1];

/** Secrets accepted now: the current one, and the previous one until its grace deadline. */
export function acceptedSecrets(integration: Integration, now: number): string[] {
  const previous = integration.previousSecret && integration.previousUntil !== null && now < integration.previousUntil;
  return previous ? [integration.secret, integration.previousSecret!] : [integration.secret];
}

/** A timestamp in seconds within the tolerance of `now`. */
function fresh(seconds: string | undefined, now: number): boolean {
  if (!seconds || !/^\d{1,12}$/.test(seconds)) return false;
  return Math.abs(Number(seconds) * 1000 - now) <= TIMESTAMP_TOLERANCE_MS;
}

function verifyToken(req: SignedRequest, secrets: string[], allowPath: boolean): Verdict {
  const given = bearerOf(req) ?? (allowPath ? req.pathToken : undefined);
  if (!given) return { ok: false, detail: 'no token' };
  return secrets.some((s) => sameText(given, s)) ? { ok: true, deliveryId: null } : { ok: false, detail: 'wrong token' };
}

/**
 * Grafana: `X-Grafana-Alerting-Signature` is the hex HMAC-SHA256 of the body, or of
 * `<timestamp>:<body>` when `X-Grafana-Alerting-Signature-Timestamp` is sent (then the timestamp
 * must be fresh). Grafana versions without signing send the secret as a bearer token instead.
 */
function verifyGrafana(req: SignedRequest, secrets: string[], now: number): Verdict {
  const signature = header(req, 'x-grafana-alerting-signature');
  if (!signature) return verifyToken(req, secrets, false);
  const timestamp = header(req, 'x-grafana-alerting-signature-timestamp');
  if (timestamp !== undefined && !fresh(timestamp, now)) return { ok: false, detail: 'stale or bad timestamp' };
  const given = /^[0-9a-f]{64}$/i.test(signature.trim()) ? Buffer.from(signature.trim(), 'hex') : null;
  if (!given) return { ok: false, detail: 'malformed signature' };
  for (const secret of secrets) {
    const mac = createHmac('sha256', secret);
    if (timestamp !== undefined) mac.update(`${timestamp}:`);
    if (sameBytes(mac.update(req.body).digest(), given)) return { ok: true, deliveryId: null };
  }
  return { ok: false, detail: 'wrong signature' };
}

/**
 * Standard Webhooks (https://www.standardwebhooks.com): `webhook-signature` holds space-separated
 * `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` entries (several while the sender rotates keys);
 * the key is the base64 after `whsec_`. The timestamp must be fresh; the id then refuses a replay.
 */
function verifyStandardWebhook(req: SignedRequest, secrets: string[], now: number): Verdict {
  const id = header(req, 'webhook-id');
  const timestamp = header(req, 'webhook-timestamp');
  const signatures = header(req, 'webhook-signature');
  if (!id || id.length > 200 || !signatures) return { ok: false, detail: 'missing webhook-id or webhook-signature' };
  if (!fresh(timestamp, now)) return { ok: false, detail: 'stale or bad webhook-timestamp' };
  const given = signatures
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => Buffer.from(entry.slice(3), 'base64'));
  for (const secret of secrets) {
    const key = Buffer.from(secret.startsWith(WHSEC) ? secret.slice(WHSEC.length) : secret, 'base64');
    const expected = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(req.body).digest();
    if (given.some((g) => sameBytes(g, expected))) return { ok: true, deliveryId: id };
  }
  return { ok: false, detail: 'wrong signature' };
}

/** Checks a delivery's raw bytes against its integration's secrets, before anything parses them. */
export function verifyDelivery(integration: Integration, req: SignedRequest, now: number): Verdict {
  const secrets = acceptedSecrets(integration, now);
  switch (integration.kind) {
    case 'alertmanager':
      return verifyToken(req, secrets, false);
    case 'uptime-kuma':
      return verifyToken(req, secrets, true);
    case 'grafana':
      return verifyGrafana(req, secrets, now);
    case 'generic':
      return verifyStandardWebhook(req, secrets, now);
    default:
      return { ok: false, detail: `unknown kind ${String(integration.kind satisfies never)}` };
  }
}

/** Signs like a Standard Webhooks sender (tests, and docs/alerts.md's example). */
export function standardWebhookSignature(secret: string, id: string, timestampSeconds: number, body: Buffer | string): string {
  const key = Buffer.from(secret.slice(WHSEC.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestampSeconds}.`).update(body).digest('base64')}`;
}

/** Signs like Grafana (tests). */
export function grafanaSignature(secret: string, body: Buffer | string, timestamp?: string): string {
  const mac = createHmac('sha256', secret);
  if (timestamp !== undefined) mac.update(`${timestamp}:`);
  return mac.update(body).digest('hex');
}
