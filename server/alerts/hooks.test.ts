import { sql } from 'kysely';
import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ALERTMANAGER_FIRING,
  ALERTMANAGER_RESOLVED,
  formDataBody,
  GENERIC_FIRING,
  GRAFANA_FIRING,
  uptimeKuma,
} from '../../shared/alerts/fixtures';
import type { AlertSource } from '../../shared/alerts/normalized';
import { JSON_MAX_DEPTH } from '../../shared/jsonScan';
import { listDeliveries, loadDelivery } from '../repos/alertInbox';
import { DIALECTS, startTestServer, type TestServer } from '../testSupport';
import { asSystem } from '../services/mutations';
import { addIntegration, hookUrl, rotateSecret } from './integrations';
import { writeAlertSettings } from './repo';
import { grafanaSignature, HOOK_BODY_MAX_BYTES, standardWebhookSignature } from './verify';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const clock = { now: Date.parse('2026-12-03T12:00:00Z') };
const seconds = () => Math.floor(clock.now / 1000);

async function start(dialect: (typeof DIALECTS)[number]) {
  clock.now = Date.parse('2026-12-03T12:00:00Z');
  server = await startTestServer(dialect, () => clock.now);
  return server;
}

async function integration(s: TestServer, kind: AlertSource) {
  const created = await addIntegration(s.store, { kind }, clock.now);
  return { ...created, url: hookUrl(s.url, created) };
}

function post(url: string, body: string | Buffer, headers: Record<string, string> = {}) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

const json = (value: unknown) => JSON.stringify(value);
const rows = (s: TestServer) => listDeliveries(s.store.db, { limit: 100 });

describe.each(DIALECTS)('webhook receivers on %s', (dialect) => {
  it('a firing Alertmanager delivery opens one incident on the default client; its resolution resolves it', async () => {
    const s = await start(dialect);
    const clientId = uuidv4();
    await s.server.mutations.runMutation(asSystem('test'), 'client.create', { id: clientId, name: 'Acme', code: 'ACME' });
    await writeAlertSettings(s.store.db, { defaultClientId: clientId });
    const am = await integration(s, 'alertmanager');
    const auth = { authorization: `Bearer ${am.secret}` };
    for (const body of [ALERTMANAGER_FIRING, ALERTMANAGER_FIRING, ALERTMANAGER_RESOLVED]) {
      expect((await post(am.url, json(body), auth)).status).toBe(202);
      await s.server.alertInbox.settled();
    }
    const incidents = await s.store.db.selectFrom('incidents').select(['client_id', 'status', 'priority', 'category', 'created_by']).execute();
    expect(incidents).toEqual([{ client_id: clientId, status: 'resolved', priority: 'P1', category: 'monitoring', created_by: 'system' }]);
    expect((await rows(s)).map((r) => r.status)).toEqual(['processed', 'processed', 'processed']);
  });

  it('Alertmanager: stores the raw delivery, answers 202, then parses it; duplicates are stored twice', async () => {
    const s = await start(dialect);
    const am = await integration(s, 'alertmanager');
    const auth = { authorization: `Bearer ${am.secret}` };
    const res = await post(am.url, json(ALERTMANAGER_FIRING), auth);
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    await s.server.alertInbox.settled();
    const row = (await loadDelivery(s.store.db, id))!;
    expect(row).toMatchObject({ status: 'processed', integrationId: am.id, error: null });
    expect(row.body.toString()).toBe(json(ALERTMANAGER_FIRING));
    expect(row.headers).toEqual({
      'content-type': 'application/json',
      'content-length': String(json(ALERTMANAGER_FIRING).length),
      'user-agent': expect.any(String),
    });
    expect(row.normalized).toEqual([expect.objectContaining({ fingerprint: '4b0b3a1a5c5e2b7d', status: 'firing', endsAt: null })]);
    expect((await post(am.url, json(ALERTMANAGER_FIRING), auth)).status).toBe(202);
    expect((await post(am.url, json(ALERTMANAGER_RESOLVED), auth)).status).toBe(202);
    await s.server.alertInbox.settled();
    const all = await rows(s);
    expect(all.map((r) => r.status)).toEqual(['processed', 'processed', 'processed']);
    expect(all[0]!.normalized![0]).toMatchObject({ status: 'resolved', endsAt: Date.parse('2026-12-03T09:40:00Z') });
  });

  it('refuses a wrong or missing token and an unknown integration, storing nothing but the counted failure', async () => {
    const s = await start(dialect);
    const am = await integration(s, 'alertmanager');
    expect((await post(am.url, json(ALERTMANAGER_FIRING), { authorization: 'Bearer nope' })).status).toBe(401);
    const missing = await post(am.url, json(ALERTMANAGER_FIRING));
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ code: 'unauthorized', key: 'alerts.badSignature' });
    const unknown = await post(`${s.url}/hooks/no-such-integration`, json(ALERTMANAGER_FIRING), { authorization: `Bearer ${am.secret}` });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ key: 'alerts.noIntegration' });
    expect(await rows(s)).toEqual([]);
    const events = await s.store.db.selectFrom('auth_events').select('kind').execute();
    expect(events.map((e) => e.kind)).toEqual(['webhook_failed', 'webhook_failed', 'webhook_failed']);
  });

  it('answers 413 to a body over the limit and stores nothing; 400 to deep nesting and malformed JSON, kept as rejected', async () => {
    const s = await start(dialect);
    const am = await integration(s, 'alertmanager');
    const auth = { authorization: `Bearer ${am.secret}` };
    const big = await post(am.url, `{"x":"${'a'.repeat(HOOK_BODY_MAX_BYTES)}"}`, auth);
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ code: 'too_large', key: 'alerts.tooLarge' });
    expect(await rows(s)).toEqual([]);
    const deep = await post(am.url, '['.repeat(100_000) + ']'.repeat(100_000), auth);
    expect(deep.status).toBe(400);
    expect(await deep.json()).toMatchObject({ code: 'invalid_args', key: 'alerts.tooDeep', params: { max: JSON_MAX_DEPTH } });
    const malformed = await post(am.url, '{"version": "4", "alerts": [', auth);
    expect(malformed.status).toBe(400);
    const wrongShape = await post(am.url, json({ ...ALERTMANAGER_FIRING, version: '3' }), auth);
    expect(wrongShape.status).toBe(400);
    expect(await wrongShape.json()).toMatchObject({ key: 'call.invalid', errors: [expect.objectContaining({ path: 'version' })] });
    const stored = await rows(s);
    expect(stored.map((r) => [r.status, r.error?.key])).toEqual([
      ['rejected', 'call.invalid'],
      ['rejected', 'alerts.badJson'],
      ['rejected', 'alerts.tooDeep'],
    ]);
  });

  it('Grafana: HMAC over the body, or over "timestamp:body"; a stale timestamp or a bad signature is 401', async () => {
    const s = await start(dialect);
    const g = await integration(s, 'grafana');
    const body = json(GRAFANA_FIRING);
    expect((await post(g.url, body, { 'x-grafana-alerting-signature': grafanaSignature(g.secret, body) })).status).toBe(202);
    const ts = String(seconds());
    const timed = { 'x-grafana-alerting-signature': grafanaSignature(g.secret, body, ts), 'x-grafana-alerting-signature-timestamp': ts };
    expect((await post(g.url, body, timed)).status).toBe(202);
    const old = String(seconds() - 301);
    const stale = { 'x-grafana-alerting-signature': grafanaSignature(g.secret, body, old), 'x-grafana-alerting-signature-timestamp': old };
    expect((await post(g.url, body, stale)).status).toBe(401);
    expect((await post(g.url, `${body} `, { 'x-grafana-alerting-signature': grafanaSignature(g.secret, body) })).status).toBe(401);
    expect((await post(g.url, body, { authorization: `Bearer ${g.secret}` })).status).toBe(202);
    await s.server.alertInbox.settled();
    expect((await rows(s)).map((r) => r.status)).toEqual(['processed', 'processed', 'processed']);
  });

  it('Uptime Kuma: the secret in the URL or as a bearer token; JSON and form-data', async () => {
    const s = await start(dialect);
    const k = await integration(s, 'uptime-kuma');
    expect(k.url).toBe(`${s.url}/hooks/${k.id}/${k.secret}`);
    expect((await post(k.url, json(uptimeKuma(0)))).status).toBe(202);
    const form = formDataBody('data', json(uptimeKuma(1)));
    expect(
      (await post(`${s.url}/hooks/${k.id}`, form.body, { 'content-type': form.contentType, authorization: `Bearer ${k.secret}` })).status,
    ).toBe(202);
    expect((await post(`${s.url}/hooks/${k.id}/wrong`, json(uptimeKuma(0)))).status).toBe(401);
    await s.server.alertInbox.settled();
    const stored = await rows(s);
    expect(stored.map((r) => r.normalized?.[0]?.status)).toEqual(['resolved', 'firing']);
  });

  it('generic: Standard Webhooks signature, 5-minute tolerance, a replayed webhook-id is 200 and nothing new', async () => {
    const s = await start(dialect);
    const g = await integration(s, 'generic');
    expect(g.secret).toMatch(/^whsec_/);
    const body = json(GENERIC_FIRING);
    const signed = (id: string, at = seconds(), payload = body) => ({
      'webhook-id': id,
      'webhook-timestamp': String(at),
      'webhook-signature': `v1,bm9wZQ== ${standardWebhookSignature(g.secret, id, at, payload)}`,
    });
    const first = await post(g.url, body, signed('msg_1'));
    expect(first.status).toBe(202);
    const { id } = (await first.json()) as { id: string };
    const replay = await post(g.url, body, signed('msg_1'));
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ id, status: 'duplicate' });
    expect((await post(g.url, body, signed('msg_2', seconds() - 301))).status).toBe(401);
    expect((await post(g.url, `${body} `, signed('msg_3'))).status).toBe(401);
    await s.server.alertInbox.settled();
    const stored = await rows(s);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ deliveryId: 'msg_1', status: 'processed', headers: expect.objectContaining({ 'webhook-id': 'msg_1' }) });
  });

  it('a rotated secret: the old one is accepted until the grace deadline, then refused', async () => {
    const s = await start(dialect);
    const am = await integration(s, 'alertmanager');
    const rotated = await rotateSecret(s.store, am.id, 2, clock.now);
    expect(rotated.secret).not.toBe(am.secret);
    const send = (secret: string) => post(am.url, json(ALERTMANAGER_FIRING), { authorization: `Bearer ${secret}` });
    expect((await send(am.secret)).status).toBe(202);
    expect((await send(rotated.secret)).status).toBe(202);
    clock.now += 2 * 3_600_000 + 1;
    expect((await send(am.secret)).status).toBe(401);
    expect((await send(rotated.secret)).status).toBe(202);
  });

  it('answers 503 when the delivery cannot be stored, so the sender retries', async () => {
    const s = await start(dialect);
    const am = await integration(s, 'alertmanager');
    await sql`DROP TABLE alert_inbox`.execute(s.store.db);
    const res = await post(am.url, json(ALERTMANAGER_FIRING), { authorization: `Bearer ${am.secret}` });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('10');
    expect(await res.json()).toMatchObject({ code: 'unavailable', key: 'alerts.storeFailed' });
  });
});
