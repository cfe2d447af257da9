import { z } from 'zod';

/**
 * The server's alert settings (server-only, table `alert_settings`): the client that catches an
 * alert no route claims, how many state changes within what window make an alert flap, how long a
 * group's incident takes in new alerts of its group, and the language of the notes written on
 * timelines by the system.
 */
export const AlertSettings = z.object({
  defaultClientId: z.string().min(1).nullable(),
  flapChanges: z.number().int().min(2).max(100),
  flapWindowMs: z
    .number()
    .int()
    .min(60_000)
    .max(24 * 3_600_000),
  groupWindowMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3_600_000),
  noteLanguage: z.enum(['nl', 'en']),
});
export type AlertSettings = z.infer<typeof AlertSettings>;

export const ALERT_SETTINGS_DEFAULTS: AlertSettings = {
  defaultClientId: null,
  flapChanges: 4,
  flapWindowMs: 30 * 60_000,
  groupWindowMs: 5 * 60_000,
  noteLanguage: 'nl',
};

/** `90s`, `5m`, `2h`, `1d` → milliseconds; null when unreadable. */
export function parseDuration(text: string): number | null {
  const m = /^\s*(\d+)\s*(s|m|h|d)\s*$/.exec(text);
  if (!m) return null;
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}
