import { missingCase } from '../errors';
import type { AlertSource, NormalizedAlert } from './normalized';
import { parseAlertmanager } from './alertmanager';
import { parseGeneric } from './generic';
import { parseGrafana } from './grafana';
import { parseUptimeKuma } from './uptimeKuma';

export const ALERT_SOURCES = ['alertmanager', 'grafana', 'uptime-kuma', 'generic'] as const satisfies readonly AlertSource[];

export interface Delivery {
  /** The raw body, size-limited and verified by the receiver. */
  body: Uint8Array;
  contentType: string | null;
  /** When the server received it: the time of an alert that carries none. */
  receivedAt: number;
}

/**
 * A verified delivery of an integration of `kind` to its alerts, or an `invalid_args` VangnetError
 * naming what is wrong. Pure: the same bytes always give the same alerts.
 */
export function parseDelivery(kind: AlertSource, delivery: Delivery): NormalizedAlert[] {
  switch (kind) {
    case 'alertmanager':
      return parseAlertmanager(delivery.body);
    case 'grafana':
      return parseGrafana(delivery.body);
    case 'uptime-kuma':
      return parseUptimeKuma(delivery.body, delivery.contentType, delivery.receivedAt);
    case 'generic':
      return parseGeneric(delivery.body, delivery.receivedAt);
    default:
      return missingCase(kind);
  }
}
