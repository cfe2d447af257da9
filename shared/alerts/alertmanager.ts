import { z } from 'zod';
import type { NormalizedAlert } from './normalized';
import {
  AlertList,
  bodyText,
  cutDescription,
  cutTitle,
  jsonOf,
  labelsFingerprint,
  severityOf,
  shapeOf,
  StringMap,
  timeOf,
} from './payload';

/**
 * One alert of an Alertmanager-style webhook (Prometheus Alertmanager v4, and Grafana's webhook,
 * which copies it). Unknown fields are ignored: both add fields over time.
 */
export const AlertmanagerAlert = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: StringMap.default({}),
  annotations: StringMap.default({}),
  startsAt: z.string().max(64),
  endsAt: z.string().max(64).optional(),
  fingerprint: z.string().min(1).max(200).optional(),
  generatorURL: z.string().max(4000).optional(),
});

/** Prometheus Alertmanager webhook, payload version 4 (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config). */
export const AlertmanagerPayload = z.object({
  version: z.literal('4'),
  groupKey: z.string().max(4000).optional(),
  truncatedAlerts: z.number().int().min(0).optional(),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string().max(1000).optional(),
  alerts: AlertList(AlertmanagerAlert),
});

/** One Alertmanager-style alert, normalized. The zero `endsAt` of a firing alert becomes null. */
export function normalizeAlertmanagerAlert(
  alert: z.output<typeof AlertmanagerAlert>,
  source: 'alertmanager' | 'grafana',
  groupKey: string | null,
  at: number,
): NormalizedAlert {
  const { labels, annotations } = alert;
  return {
    source,
    fingerprint: alert.fingerprint ?? labelsFingerprint(labels),
    status: alert.status,
    title: cutTitle(labels.alertname || annotations.summary || 'alert'),
    description: cutDescription(annotations.description ?? annotations.summary ?? annotations.message ?? ''),
    labels,
    annotations,
    severity: severityOf(labels.severity),
    startsAt: timeOf(alert.startsAt, `alerts[${at}].startsAt`) ?? 0,
    endsAt: alert.endsAt ? timeOf(alert.endsAt, `alerts[${at}].endsAt`) : null,
    groupKey,
  };
}

/** An Alertmanager webhook body to its alerts. */
export function parseAlertmanager(body: Uint8Array): NormalizedAlert[] {
  const payload = shapeOf(AlertmanagerPayload, jsonOf(bodyText(body)), 'alertmanager webhook');
  return payload.alerts.map((alert, i) => normalizeAlertmanagerAlert(alert, 'alertmanager', payload.groupKey ?? null, i));
}
