import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { VangnetError } from '../errors';
import { JSON_MAX_DEPTH, scanJson } from '../jsonScan';
import { parseOrThrow } from '../validation';

/**
 * What every alert parser shares: raw bytes to a bounded JSON value, times, label maps, and the caps
 * that keep one delivery from turning into a flood. The bytes were size-limited and verified by the
 * server before any parser sees them.
 */

/** Alerts in one delivery; Alertmanager's `max_alerts` truncates beyond what a receiver sets (docs/alerts.md). */
export const ALERTS_PER_DELIVERY_MAX = 1000;
/** Labels or annotations on one alert. */
export const LABELS_MAX = 200;
/** Longer texts are cut, never refused: an alarm must not be lost to a verbose description. */
export const TITLE_MAX = 500;
export const DESCRIPTION_MAX = 10_000;
export const LABEL_VALUE_MAX = 2_000;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The body as text: strict UTF-8 (a broken body is refused, never patched). */
export function bodyText(body: Uint8Array): string {
  try {
    return decoder.decode(body);
  } catch {
    throw new VangnetError('invalid_args', 'alerts.notUtf8');
  }
}

/** JSON text to a value, refusing deep nesting before JSON.parse can recurse on it. */
export function jsonOf(text: string): unknown {
  try {
    scanJson(text);
  } catch {
    throw new VangnetError('invalid_args', 'alerts.tooDeep', { max: JSON_MAX_DEPTH });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new VangnetError('invalid_args', 'alerts.badJson');
  }
}

/** The zod schema of a format, parsed with field issues named (`what` names the format). */
export function shapeOf<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  return parseOrThrow(schema, value, what);
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
export const cutTitle = (text: string) => cut(text.trim(), TITLE_MAX);
export const cutDescription = (text: string) => cut(text, DESCRIPTION_MAX);

/** A label or annotation map: string values (numbers and booleans written as text), bounded. */
export const StringMap = z
  .record(z.string().max(200), z.union([z.string(), z.number(), z.boolean(), z.null()]))
  .refine((map) => Object.keys(map).length <= LABELS_MAX, { message: 'list.max', params: { max: LABELS_MAX } })
  .transform((map) => {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(map)) if (value !== null) out[key] = cut(String(value), LABEL_VALUE_MAX);
    return out;
  });

export const AlertList = <T extends z.ZodType>(item: T) => z.array(item).max(ALERTS_PER_DELIVERY_MAX);

const TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * RFC 3339 time (any fraction digits, as Go writes them) to epoch ms. Without a zone (Uptime Kuma's
 * `2024-05-01 10:00:00.000`) it is UTC. Go's zero time (`0001-01-01T00:00:00Z`, Alertmanager's
 * "no end") is null.
 */
export function timeOf(value: string, field: string): number | null {
  if (value.startsWith('0001-01-01')) return null;
  const match = TIME.exec(value.trim());
  const ms = match ? Date.parse(match[7] ? value.trim().replace(' ', 'T') : `${value.trim().replace(' ', 'T')}Z`) : Number.NaN;
  if (!Number.isFinite(ms)) throw new VangnetError('invalid_args', 'alerts.badTime', { field, value: cut(value, 60) });
  return ms;
}

/** A fingerprint for an alert without one: the hash of its sorted labels (as Alertmanager's own is). */
export function labelsFingerprint(labels: Record<string, string>): string {
  const sorted = Object.keys(labels)
    .sort()
    .map((key) => [key, labels[key]]);
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(sorted)))).slice(0, 16);
}

/** Severity as given, lower-cased, or null. */
export function severityOf(value: string | undefined): string | null {
  const trimmed = value?.trim().toLowerCase();
  return trimmed ? cut(trimmed, 50) : null;
}
