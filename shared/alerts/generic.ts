import { z } from 'zod';
import type { NormalizedAlert } from './normalized';
import { AlertList, bodyText, cutDescription, cutTitle, jsonOf, severityOf, shapeOf, StringMap, timeOf } from './payload';

/**
 * Vangnet's own alert format, for anything that can send JSON (docs/alerts.md): one alert, or
 * `{alerts: [...]}`. `id` (or `fingerprint`) names the alert: the same id again is the same alert.
 */
export const GenericAlert = z
  .object({
    id: z.string().min(1).max(200).optional(),
    fingerprint: z.string().min(1).max(200).optional(),
    title: z.string().min(1).max(4000),
    status: z.enum(['firing', 'resolved']),
    severity: z.string().max(50).nullish(),
    description: z.string().max(100_000).nullish(),
    labels: StringMap.default({}),
    annotations: StringMap.default({}),
    startsAt: z.string().max(64).optional(),
    endsAt: z.string().max(64).nullish(),
    groupKey: z.string().max(4000).nullish(),
  })
  .refine((alert) => alert.id !== undefined || alert.fingerprint !== undefined, { message: 'required', path: ['id'] });

export const GenericPayload = z.union([z.object({ alerts: AlertList(GenericAlert) }), GenericAlert]);

export function parseGeneric(body: Uint8Array, receivedAt: number): NormalizedAlert[] {
  const payload = shapeOf(GenericPayload, jsonOf(bodyText(body)), 'generic alert');
  const alerts = 'alerts' in payload ? payload.alerts : [payload];
  return alerts.map((alert, i) => ({
    source: 'generic',
    fingerprint: (alert.fingerprint ?? alert.id)!,
    status: alert.status,
    title: cutTitle(alert.title),
    description: cutDescription(alert.description ?? ''),
    labels: alert.labels,
    annotations: alert.annotations,
    severity: severityOf(alert.severity ?? undefined),
    startsAt: alert.startsAt ? (timeOf(alert.startsAt, `alerts[${i}].startsAt`) ?? receivedAt) : receivedAt,
    endsAt: alert.endsAt ? timeOf(alert.endsAt, `alerts[${i}].endsAt`) : alert.status === 'resolved' ? receivedAt : null,
    groupKey: alert.groupKey ?? null,
  }));
}
