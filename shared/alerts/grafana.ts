import { z } from 'zod';
import type { NormalizedAlert } from './normalized';
import { AlertmanagerAlert, normalizeAlertmanagerAlert } from './alertmanager';
import { AlertList, bodyText, jsonOf, shapeOf } from './payload';

/**
 * Grafana alerting's webhook contact point: Alertmanager's shape (each alert with its fingerprint)
 * plus `state` (`alerting`, `ok`, and in some versions `no_data`, `pending`), `title` and `message`.
 * Each alert's own `status` decides firing or resolved; `state` only summarizes the group.
 */
export const GrafanaPayload = z.object({
  state: z.string().max(50).optional(),
  status: z.enum(['firing', 'resolved']).optional(),
  groupKey: z.string().max(4000).optional(),
  title: z.string().max(4000).optional(),
  message: z.string().optional(),
  truncatedAlerts: z.number().int().min(0).optional(),
  alerts: AlertList(AlertmanagerAlert),
});

export function parseGrafana(body: Uint8Array): NormalizedAlert[] {
  const payload = shapeOf(GrafanaPayload, jsonOf(bodyText(body)), 'grafana webhook');
  return payload.alerts.map((alert, i) => normalizeAlertmanagerAlert(alert, 'grafana', payload.groupKey ?? null, i));
}
