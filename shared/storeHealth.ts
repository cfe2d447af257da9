import { z } from 'zod';
import { ERROR_CODES } from './errors';

/**
 * The laptop store's health as the UI and the CLI see it: whether it was found damaged (and how),
 * whether the engine could open it at all, and the verified backups it can be restored from.
 */

/** Where the damage was found: at open, by the background full check, by an error while in use, or in the audit chain. */
export const DAMAGE_SOURCES = ['open', 'check', 'use', 'audit'] as const;

export const DamageReport = z.object({
  at: z.string(),
  source: z.enum(DAMAGE_SOURCES),
  /** SQLite's own words (the first problems integrity_check lists, or the error): for support, not for parsing. */
  detail: z.string(),
});
export type DamageReport = z.infer<typeof DamageReport>;

export const BackupInfo = z.object({
  /** The file name in `<data dir>/backups/`, which `store.restore` and `vangnet store restore` take. */
  name: z.string(),
  createdAt: z.string(),
  bytes: z.number().int().min(0),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

/** A backup's file name: `vangnet-<UTC instant, colons and dots as dashes>.sqlite3`. */
export const BackupName = z.string().regex(/^vangnet-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.sqlite3$/, {
  message: 'format.backupName',
});

export const StoreStatus = z.object({
  /** False when the engine could not open the store (see `error`): only the store calls work then. */
  open: z.boolean(),
  /** The store's damage mark, if any: every write is refused while it stands. */
  damage: DamageReport.nullable(),
  /** Why the engine could not open the store. */
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).nullable(),
  /** Verified backups, newest first. */
  backups: z.array(BackupInfo),
  /** The last full check that ran while the engine had the store open, if any. */
  lastFullCheck: z.object({ at: z.string(), ok: z.boolean() }).nullable(),
});
export type StoreStatus = z.infer<typeof StoreStatus>;
