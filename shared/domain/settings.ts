import { z } from 'zod';
import { FieldVersions } from './common';

/**
 * The team's settings: one synced row, id `team`, made by the first `settings.set`. Nothing seeds
 * it; until it exists every reader takes SETTINGS_DEFAULTS.
 */
export const SETTINGS_ID = 'team';

export const IdleThresholdMinutes = z.number().int().min(1, { message: 'must be 1-240 minutes' }).max(240, { message: 'must be 1-240 minutes' });

export const SETTINGS_DEFAULTS = { idleThresholdMinutes: 10, idleDetection: true } as const;

export const Settings = z.object({
  id: z.literal(SETTINGS_ID),
  /** Minutes without input before an engineer counts as idle. */
  idleThresholdMinutes: IdleThresholdMinutes,
  /** Whether idle time is detected at all. */
  idleDetection: z.boolean(),
  fieldVersions: FieldVersions,
});
export type Settings = z.infer<typeof Settings>;

/** What a reader sees: the stored values, or the defaults while the row does not exist. */
export const SettingsView = Settings.pick({ idleThresholdMinutes: true, idleDetection: true });
export type SettingsView = z.infer<typeof SettingsView>;

export function settingsView(row: Settings | undefined): SettingsView {
  return row ? { idleThresholdMinutes: row.idleThresholdMinutes, idleDetection: row.idleDetection } : { ...SETTINGS_DEFAULTS };
}
