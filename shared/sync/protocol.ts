import { z } from 'zod';
import { Engineer } from '../domain/engineer';
import { TableChecksum } from './checksum';
import { ErrorValue } from './errorCode';
import { MutationDigest } from './rollback';

/**
 * The sync protocol's messages (docs/sync-protocol.md is the prose version). Every body that
 * crosses the network is parsed with these schemas on arrival, on both sides.
 */

export const SYNC_PUSH_MAX_MUTATIONS = 1000;
export const SYNC_PULL_MAX_LIMIT = 5000;
export const SYNC_PULL_DEFAULT_LIMIT = 1000;
/** Bytes; a push of 1000 ordinary mutations is well under 1 MB. */
export const SYNC_BODY_MAX_BYTES = 4 * 1024 * 1024;

const ClientId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'format.syncClientId' });

export const PushMutation = z.object({
  mutationId: z.number().int().min(1),
  name: z.string().min(1).max(100),
  args: z.unknown(),
  hlc: z.string().max(100),
});
export type PushMutation = z.infer<typeof PushMutation>;

/**
 * Every `/sync/v1` response carries the server's clock (ms since the epoch) in this header, read as
 * late as possible, so a laptop can estimate its own clock's offset (shared/sync/clockOffset.ts).
 */
export const SERVER_TIME_HEADER = 'vangnet-server-time';

export const PushRequest = z.object({
  clientId: ClientId,
  mutations: z.array(PushMutation).min(1).max(SYNC_PUSH_MAX_MUTATIONS),
  /**
   * The reading, when the push was sent, of the clock that stamped its mutations (ms). The server
   * corrects stamps by its offset instead of refusing them; a push without it (an older laptop)
   * is refused with `clock_skew` when a stamp is too far ahead.
   */
  clientTime: z.number().int().min(0).optional(),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const SyncedRow = z.object({ table: z.string(), row: z.record(z.string(), z.unknown()) });
export type SyncedRow = z.infer<typeof SyncedRow>;

export const Rejection = z.object({
  mutationId: z.number().int(),
  error: ErrorValue,
  /** The server's current version of every row the mutation touched (absent = no such row), so the client can undo its optimistic write. */
  rows: z.array(z.object({ table: z.string(), id: z.string(), row: z.record(z.string(), z.unknown()).nullable() })),
});
export type Rejection = z.infer<typeof Rejection>;

/**
 * A mutation the server applied with another stamp than the laptop's (a wrong clock): the laptop
 * replaces the old stamp by this one in its rows, then merges the server's copies of them.
 */
export const Restamp = z.object({
  mutationId: z.number().int(),
  hlc: z.string().max(100),
  rows: Rejection.shape.rows,
});
export type Restamp = z.infer<typeof Restamp>;

export const PushResponse = z.object({
  lastMutationId: z.number().int().min(0),
  applied: z.number().int(),
  skipped: z.number().int(),
  rejected: z.array(Rejection),
  headSeq: z.number().int(),
  /** Absent from older servers. */
  restamped: z.array(Restamp).optional(),
  /** The digest (shared/sync/rollback.ts) of mutation `lastMutationId`; null when unknown (none yet, or handled before digests were kept). */
  lastDigest: MutationDigest.nullable().default(null),
});
export type PushResponse = z.infer<typeof PushResponse>;

export const PullQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(SYNC_PULL_MAX_LIMIT).default(SYNC_PULL_DEFAULT_LIMIT),
  clientId: ClientId.optional(),
  /**
   * A new laptop catching up from nothing: the current state only, without the audit trail's
   * history (which stays on the server, and arrives for everything that happens from then on).
   */
  bootstrap: z
    .enum(['0', '1', 'true', 'false'])
    .transform((v) => v === '1' || v === 'true')
    .default(false),
  /** Only this table's rows (a laptop re-fetching one table to repair it). */
  table: z
    .string()
    .regex(/^[A-Za-z]{1,40}$/, { message: 'format.tableName' })
    .optional(),
});

/** Any JSON object; each row is checked against its table's schema where it is applied. */
const RowObject = z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
  message: 'type',
  params: { expected: 'object' },
});

/**
 * A row's latest state at `seq`; `row: null` is a tombstone: the row was deleted, and a laptop
 * removes its copy (or does nothing, holding none). A bootstrap carries tombstones too: it holds no
 * deleted row, and a laptop that pushed a row before its first pull, deleted since by another,
 * still learns of it.
 */
export const Change = z.object({ seq: z.number().int(), table: z.string(), id: z.string(), row: RowObject.nullable() });
export type Change = z.infer<typeof Change>;

export const PullResponse = z.object({
  changes: z.array(Change),
  /**
   * The cursor to ask from next time: the seq of the last change in this page (or `after` when
   * empty); on a bootstrap's last page at least the head seq, past the audit entries it left out.
   */
  cursor: z.number().int(),
  headSeq: z.number().int(),
  hasMore: z.boolean(),
  /** Highest mutation id of the asking client that the server has applied or rejected. */
  lastMutationId: z.number().int().min(0),
  /** The digest of that mutation, as in a push response. */
  lastDigest: MutationDigest.nullable().default(null),
});
export type PullResponse = z.infer<typeof PullResponse>;

/**
 * `GET /sync/v1/checksums`: every synced table's row count and checksum (shared/sync/checksum.ts),
 * read in one transaction together with the seq they hold at.
 */
export const ChecksumsResponse = z.object({
  seq: z.number().int().min(0),
  /** Keyed by table; a client ignores tables it doesn't know (newer servers). */
  tables: z.record(z.string(), TableChecksum),
});
export type ChecksumsResponse = z.infer<typeof ChecksumsResponse>;

export const PairRequest = z.object({
  code: z.string().trim().min(4).max(64),
  clientId: ClientId,
  deviceName: z.string().trim().min(1).max(100),
});
export type PairRequest = z.infer<typeof PairRequest>;

// Engineers are rows of a synced table too (shared/schema/tables.ts): their schema lives with the domain.
export { ENGINEER_ROLES, Engineer, EngineerRole } from '../domain/engineer';

export const PairResponse = z.object({
  token: z.string(),
  deviceId: z.string(),
  engineer: Engineer,
});
export type PairResponse = z.infer<typeof PairResponse>;

/** What the realtime channel says: only that a seq exists. Clients pull. */
export const Poke = z.object({ seq: z.number().int() });
