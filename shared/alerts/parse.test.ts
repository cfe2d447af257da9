import { describe, expect, it } from 'vitest';
import { VangnetError } from '../errors';
import { JSON_MAX_DEPTH } from '../jsonScan';
import {
  ALERTMANAGER_FIRING,
  ALERTMANAGER_RESOLVED,
  formDataBody,
  GENERIC_FIRING,
  GRAFANA_FIRING,
  GRAFANA_OK,
  UPTIME_KUMA_TEST,
  uptimeKuma,
} from './fixtures';
import type { AlertSource } from './normalized';
import { parseDelivery } from './parse';
import { ALERTS_PER_DELIVERY_MAX, TITLE_MAX } from './payload';

const RECEIVED = Date.parse('2026-12-03T12:00:00Z');
const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const parse = (kind: AlertSource, value: unknown, contentType: string | null = 'application/json') =>
  parseDelivery(kind, { body: bytes(value), contentType, receivedAt: RECEIVED });

function refusal(run: () => unknown): { code: string; key?: string; params?: unknown } {
  try {
    run();
  } catch (err) {
    if (err instanceof VangnetError) return { code: err.code, key: err.key, params: err.params };
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('Alertmanager webhook v4', () => {
  it('normalizes a firing alert: fingerprint, title, lower-cased severity, zero endsAt as null', () => {
    expect(parse('alertmanager', ALERTMANAGER_FIRING)).toEqual([
      {
        source: 'alertmanager',
        fingerprint: '4b0b3a1a5c5e2b7d',
        status: 'firing',
        title: 'InstanceDown',
        description: 'web01:9100 has not answered scrapes for 5 minutes.',
        labels: { alertname: 'InstanceDown', instance: 'web01:9100', job: 'node', severity: 'Critical' },
        annotations: { summary: 'web01 is down', description: 'web01:9100 has not answered scrapes for 5 minutes.' },
        severity: 'critical',
        startsAt: Date.parse('2026-12-03T09:15:42.123Z'),
        endsAt: null,
        groupKey: '{}:{alertname="InstanceDown"}',
      },
    ]);
  });

  it('reads a resolved alert with its end', () => {
    const [alert] = parse('alertmanager', ALERTMANAGER_RESOLVED);
    expect(alert).toMatchObject({ status: 'resolved', endsAt: Date.parse('2026-12-03T09:40:00Z'), fingerprint: '4b0b3a1a5c5e2b7d' });
  });

  it('gives an alert without a fingerprint a stable one from its labels, whatever their order', () => {
    const { fingerprint: _, ...bare } = ALERTMANAGER_FIRING.alerts[0]!;
    const a = parse('alertmanager', { ...ALERTMANAGER_FIRING, alerts: [bare] })[0]!;
    const reordered = { ...bare, labels: Object.fromEntries(Object.entries(bare.labels).reverse()) };
    const b = parse('alertmanager', { ...ALERTMANAGER_FIRING, alerts: [reordered] })[0]!;
    expect(a.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(b.fingerprint).toBe(a.fingerprint);
  });

  it('refuses another version, a bad status, a bad time, and more alerts than a delivery may hold', () => {
    expect(refusal(() => parse('alertmanager', { ...ALERTMANAGER_FIRING, version: '3' }))).toMatchObject({ key: 'call.invalid' });
    expect(refusal(() => parse('alertmanager', { ...ALERTMANAGER_FIRING, alerts: [{ status: 'burning', startsAt: 'x' }] }))).toMatchObject({
      code: 'invalid_args',
    });
    const badTime = { ...ALERTMANAGER_FIRING, alerts: [{ ...ALERTMANAGER_FIRING.alerts[0]!, startsAt: 'yesterday' }] };
    expect(refusal(() => parse('alertmanager', badTime))).toMatchObject({ key: 'alerts.badTime', params: { field: 'alerts[0].startsAt' } });
    const many = {
      ...ALERTMANAGER_FIRING,
      alerts: Array.from({ length: ALERTS_PER_DELIVERY_MAX + 1 }, () => ALERTMANAGER_FIRING.alerts[0]),
    };
    expect(refusal(() => parse('alertmanager', many))).toMatchObject({ key: 'call.invalid' });
  });
});

describe('Grafana webhook', () => {
  it('normalizes alerting and ok by each alert’s status, with time zones', () => {
    expect(parse('grafana', GRAFANA_FIRING)[0]).toMatchObject({
      source: 'grafana',
      fingerprint: 'c6eadffa33fcdf37',
      status: 'firing',
      title: 'High memory usage',
      severity: 'warning',
      startsAt: Date.parse('2026-12-03T08:51:03.157Z'),
      endsAt: null,
      groupKey: '{}:{}',
    });
    expect(parse('grafana', GRAFANA_OK)[0]).toMatchObject({ status: 'resolved', endsAt: Date.parse('2026-12-03T09:05:00Z') });
  });
});

describe('Uptime Kuma webhook', () => {
  it('fires on DOWN and resolves on UP, one fingerprint per monitor, Kuma’s zone-less time as UTC', () => {
    const [down] = parse('uptime-kuma', uptimeKuma(0));
    expect(down).toEqual({
      source: 'uptime-kuma',
      fingerprint: 'monitor:7',
      status: 'firing',
      title: 'shop.example.nl',
      description: 'Request failed with status code 502',
      labels: { monitor: 'shop.example.nl', type: 'http', url: 'https://shop.example.nl' },
      annotations: {},
      severity: null,
      startsAt: Date.parse('2026-12-03T09:30:00Z'),
      endsAt: null,
      groupKey: null,
    });
    expect(parse('uptime-kuma', uptimeKuma(1))[0]).toMatchObject({ fingerprint: 'monitor:7', status: 'resolved' });
  });

  it('gives no alert for PENDING, MAINTENANCE or the test notification', () => {
    expect(parse('uptime-kuma', uptimeKuma(2))).toEqual([]);
    expect(parse('uptime-kuma', uptimeKuma(3))).toEqual([]);
    expect(parse('uptime-kuma', UPTIME_KUMA_TEST)).toEqual([]);
  });

  it('reads the form-data variant from its data field', () => {
    const form = formDataBody('data', JSON.stringify(uptimeKuma(0)));
    expect(parse('uptime-kuma', form.body, form.contentType)[0]).toMatchObject({ fingerprint: 'monitor:7', status: 'firing' });
    const other = formDataBody('other', '{}');
    expect(refusal(() => parse('uptime-kuma', other.body, other.contentType))).toMatchObject({ key: 'alerts.noFormData' });
  });
});

describe('generic JSON', () => {
  it('takes one alert or a list; id is the fingerprint; times default to receipt', () => {
    expect(parse('generic', GENERIC_FIRING)).toEqual([
      {
        source: 'generic',
        fingerprint: 'backup-failed-db01',
        status: 'firing',
        title: 'Nightly backup failed on db01',
        description: 'pg_dump exited with code 1',
        labels: { host: 'db01', client: 'OOSTW' },
        annotations: {},
        severity: 'critical',
        startsAt: RECEIVED,
        endsAt: null,
        groupKey: null,
      },
    ]);
    const resolved = parse('generic', { alerts: [{ ...GENERIC_FIRING, status: 'resolved' }] });
    expect(resolved[0]).toMatchObject({ status: 'resolved', endsAt: RECEIVED });
  });

  it('needs an id or fingerprint, and cuts a long title instead of losing the alert', () => {
    const { id: _, ...noId } = GENERIC_FIRING;
    expect(refusal(() => parse('generic', noId))).toMatchObject({ key: 'call.invalid' });
    const [long] = parse('generic', { ...GENERIC_FIRING, title: 'x'.repeat(3000) });
    expect(long!.title).toHaveLength(TITLE_MAX);
  });
});

describe('every format', () => {
  it.each(['alertmanager', 'grafana', 'uptime-kuma', 'generic'] as const)(
    '%s: refuses malformed JSON, deep nesting, broken UTF-8',
    (kind) => {
      expect(refusal(() => parse(kind, '{"alerts": ['))).toMatchObject({ key: 'alerts.badJson' });
      const deep = '['.repeat(JSON_MAX_DEPTH + 1) + ']'.repeat(JSON_MAX_DEPTH + 1);
      expect(refusal(() => parse(kind, deep))).toMatchObject({ key: 'alerts.tooDeep' });
      // 200,000 levels would overflow JSON.parse's stack; the scan refuses it first.
      expect(refusal(() => parse(kind, '['.repeat(200_000)))).toMatchObject({ key: 'alerts.tooDeep' });
      const broken = parseDelivery.bind(null, kind, { body: new Uint8Array([0x7b, 0xff, 0x7d]), contentType: null, receivedAt: RECEIVED });
      expect(refusal(broken)).toMatchObject({ key: 'alerts.notUtf8' });
      expect(refusal(() => parse(kind, 'null'))).toMatchObject({ code: 'invalid_args' });
    },
  );
});
