import { z } from 'zod';
import { AuditEntry } from '../domain/audit';
import { Id } from '../domain/common';
import { ERROR_CODES } from '../errors';
import { ErrorValue, MessageParamsSchema } from '../sync/errorCode';
import { SyncRepairArgs, SyncRepairResult, SyncVerifyResult } from '../sync/verify';
import { call, NoArgs } from './common';

export const SyncStatus = z.object({
  state: z.enum(['unpaired', 'idle', 'syncing', 'offline', 'error']),
  serverUrl: z.string().nullable(),
  /** The realtime channel to the server is open. */
  connected: z.boolean(),
  lastSyncAt: z.string().nullable(),
  pending: z.number().int(),
  /**
   * Changes the server refused, kept until dismissed; `code` says why, `key` and `params` say it in
   * words each front renders in its language (null for ones refused before they were kept); `error` is English.
   */
  rejected: z.array(
    z.object({
      mutationId: z.number().int(),
      name: z.string(),
      code: z.enum(ERROR_CODES).nullable(),
      key: z.string().nullable(),
      params: MessageParamsSchema.nullable(),
      error: z.string(),
      createdAt: z.string(),
    }),
  ),
  /** The last round's failure in English, for the CLI and logs; the UI renders `lastErrorKey` with `lastErrorParams`. */
  lastError: z.string().nullable(),
  /** Lets the UI offer the right remedy: `unauthorized` → pair again, `clock_skew` → fix the clock. */
  lastErrorCode: z.enum(ERROR_CODES).nullable(),
  lastErrorKey: z.string().nullable(),
  lastErrorParams: MessageParamsSchema.nullable(),
  /**
   * This laptop's clock against the server's, from the latest sync reply (null before the first):
   * `offsetMs` is what to add to the laptop's clock (negative: it runs ahead), good to half `rttMs`.
   * Beyond `CLOCK_WARN_MS` (shared/sync/clockOffset.ts) the UI and `vangnet status` warn.
   */
  clock: z.object({ offsetMs: z.number().int(), rttMs: z.number().int(), measuredAt: z.string() }).nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncRound = z.object({ pushed: z.number().int(), pulled: z.number().int(), rejected: z.number().int() });
export type SyncRound = z.infer<typeof SyncRound>;

/**
 * `audit.fetchHistory`: how many server entries were new here, and whether the laptop now holds the
 * entity's whole history. When it can't (offline, server unreachable), `problem` says why, as an
 * error value (code, message key and params) the UI renders in its language.
 */
export const AuditHistoryResult = z.object({
  fetched: z.number().int().min(0),
  complete: z.boolean(),
  problem: ErrorValue.nullable(),
});
export type AuditHistoryResult = z.infer<typeof AuditHistoryResult>;

/** Sync with the office server, and the audit trail it completes. */
export const syncCalls = {
  sync: {
    status: call(NoArgs, SyncStatus),
    login: call(
      z.object({
        serverUrl: z.url({ protocol: /^https?$/, message: 'format.httpUrl' }),
        code: z.string().trim().min(4).max(64),
        deviceName: z.string().trim().min(1).max(100).optional(),
      }),
      SyncStatus,
    ),
    now: call(NoArgs, SyncRound),
    dismiss: call(z.object({ mutationId: z.number().int().min(1) }), z.boolean()),
    /** Compares every synced table's checksum with the office server's at the same seq (pulls first when behind). */
    verify: call(NoArgs, SyncVerifyResult),
    /** Re-fetches the named tables from the server and sets local rows back to its copy; pending local changes are kept. */
    repair: call(SyncRepairArgs, SyncRepairResult),
  },
  audit: {
    /** An entity's trail, newest first, from this laptop's store only (call `fetchHistory` first for the server's older entries). */
    forEntity: call(z.object({ entityId: Id, limit: z.number().int().min(1).max(1000).default(200) }), z.array(AuditEntry)),
    /**
     * Fetches the entity's audit history from the office server when this laptop may lack it (it
     * bootstrapped after the entity was made), verifies it and stores it; then `forEntity` shows it.
     */
    fetchHistory: call(z.object({ entityId: Id }), AuditHistoryResult),
  },
} as const;
