import { z } from 'zod';
import { IdleThresholdMinutes, SETTINGS_DEFAULTS, SETTINGS_ID, type Settings } from '../domain/settings';
import { mergeFields } from '../merge';
import { defineMutation, type Write } from './define';

export const SettingsSetArgs = z
  .object({
    idleThresholdMinutes: IdleThresholdMinutes.optional(),
    idleDetection: z.boolean().optional(),
  })
  .strict()
  .refine((a) => a.idleThresholdMinutes !== undefined || a.idleDetection !== undefined, {
    message: 'nothing to change: give idleThresholdMinutes or idleDetection',
  });
export type SettingsSetArgs = z.infer<typeof SettingsSetArgs>;

/**
 * Sets some of the team's settings; the first call makes the row. Only the fields given are
 * stamped (the others keep their defaults unstamped), so two laptops that each make the row offline
 * with a different field both keep their change wherever the two meet.
 */
export const settingsSet = defineMutation({
  name: 'settings.set',
  summary: `Sets the given fields of the team's settings row (id \`${SETTINGS_ID}\`), making it with the defaults for the rest when it does not exist yet.`,
  args: SettingsSetArgs,
  reads: () => ({
    current: { table: 'settings', by: 'id', value: SETTINGS_ID },
  }),
  apply(args, rows, ctx) {
    const before = rows.current;
    const base: Settings = before ?? { id: SETTINGS_ID, ...SETTINGS_DEFAULTS, fieldVersions: {} };
    const merged = mergeFields(base, base.fieldVersions, args, ctx.hlc);
    if (merged.applied.length === 0) return [];
    const row: Settings = { ...merged.row, fieldVersions: merged.versions };
    const write: Write = before ? { op: 'update', table: 'settings', before, row } : { op: 'insert', table: 'settings', row };
    return [write];
  },
});
