import { z } from 'zod';
import { VangnetError } from '../errors';
import type { NormalizedAlert } from './normalized';
import { bodyText, cutDescription, cutTitle, jsonOf, shapeOf, StringMap, timeOf } from './payload';

/** Uptime Kuma heartbeat statuses (its `src/util.ts`): only DOWN fires and only UP resolves. */
export const KUMA_DOWN = 0;
export const KUMA_UP = 1;
export const KUMA_PENDING = 2;
export const KUMA_MAINTENANCE = 3;

const Heartbeat = z.object({
  monitorID: z.union([z.number().int(), z.string().max(100)]).optional(),
  status: z.number().int().min(0).max(3),
  time: z.string().max(64).optional(),
  msg: z.string().nullish(),
});
const Monitor = z.object({
  id: z.union([z.number().int(), z.string().min(1).max(100)]),
  name: z.string().max(4000),
  url: z.string().max(4000).nullish(),
  hostname: z.string().max(1000).nullish(),
  type: z.string().max(100).nullish(),
  tags: z.unknown().optional(),
});

/**
 * Uptime Kuma's webhook notification: `{heartbeat, monitor, msg}`. Its "test notification" button
 * sends both as null: that is a delivery without alerts, not an error.
 */
export const UptimeKumaPayload = z.object({
  heartbeat: Heartbeat.nullish(),
  monitor: Monitor.nullish(),
  msg: z.string().max(10_000).nullish(),
});

/** The `data` field of a multipart/form-data body (Kuma's "form-data" content type) as text. */
export function formDataField(text: string, contentType: string, field: string): string {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const marker = boundary ? `--${boundary[1] ?? boundary[2]}` : null;
  if (marker) {
    for (const part of text.split(marker)) {
      const split = part.indexOf('\r\n\r\n');
      if (split < 0) continue;
      const head = part.slice(0, split);
      if (!new RegExp(`content-disposition:[^\\r\\n]*\\bname="${field}"`, 'i').test(head)) continue;
      return part.slice(split + 4).replace(/\r\n$/, '');
    }
  }
  throw new VangnetError('invalid_args', 'alerts.noFormData', { field });
}

/**
 * An Uptime Kuma webhook body (JSON, or form-data with the JSON in `data`) to its alerts: DOWN is
 * firing, UP resolved; PENDING (retrying) and MAINTENANCE give none, so neither opens nor closes
 * an incident. The fingerprint is `monitor:<id>`, one per monitor.
 */
export function parseUptimeKuma(body: Uint8Array, contentType: string | null, receivedAt: number): NormalizedAlert[] {
  let text = bodyText(body);
  if (contentType && /^multipart\/form-data/i.test(contentType)) text = formDataField(text, contentType, 'data');
  const payload = shapeOf(UptimeKumaPayload, jsonOf(text), 'uptime kuma webhook');
  const { heartbeat, monitor } = payload;
  if (!heartbeat || (heartbeat.status !== KUMA_DOWN && heartbeat.status !== KUMA_UP)) return [];
  const id = monitor?.id ?? heartbeat.monitorID;
  if (id === undefined) throw new VangnetError('invalid_args', 'alerts.noMonitor');
  const at = heartbeat.time ? (timeOf(heartbeat.time, 'heartbeat.time') ?? receivedAt) : receivedAt;
  const firing = heartbeat.status === KUMA_DOWN;
  const labels = StringMap.parse({
    monitor: monitor?.name ?? String(id),
    ...(monitor?.type ? { type: monitor.type } : {}),
    ...(monitor?.url ? { url: monitor.url } : {}),
    ...(monitor?.hostname ? { hostname: monitor.hostname } : {}),
  });
  return [
    {
      source: 'uptime-kuma',
      fingerprint: `monitor:${id}`,
      status: firing ? 'firing' : 'resolved',
      title: cutTitle(monitor?.name || `monitor ${id}`),
      description: cutDescription(heartbeat.msg || payload.msg || ''),
      labels,
      annotations: {},
      severity: null,
      startsAt: at,
      endsAt: firing ? null : at,
      groupKey: null,
    },
  ];
}
