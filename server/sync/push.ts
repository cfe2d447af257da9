import type { Kysely } from 'kysely';
import { type MessageParams, VangnetError } from '../../shared/errors';
import { HlcError } from '../../shared/hlc';
import { PERMANENT_REJECTIONS } from '../../shared/sync/errorCode';
import type { PushRequest, PushResponse, Rejection, Restamp } from '../../shared/sync/protocol';
import type { ServerDb } from '../db/connect';
import type { ServerDatabase } from '../db/schema';
import type { DeviceAuth } from '../auth/devices';
import { inWriteTransaction, stepMutation, WriteFailed } from '../services/writeTransaction';
import { rowsNamedBy } from './applyMutation';
import type { Notifier } from './notifier';
import { pushStamps, restampedEarlier, restampFor } from './restamp';
import { assertRetry, digestRecorder, lastDigest } from './rollback';
import { logger } from '../log';

const log = logger('push');

/** Whether a database error is deterministic (a constraint), so retrying can never help. */
function isConstraintError(err: unknown): boolean {
  const code = String((err as { code?: unknown }).code ?? '');
  return code.startsWith('SQLITE_CONSTRAINT') || /^23\d{3}$/.test(code);
}

/** Whether a database refused a value itself (PostgreSQL's data exceptions, e.g. a NUL in text): retrying can never help either. */
function isDataError(err: unknown): boolean {
  const code = String((err as { code?: unknown }).code ?? '');
  return code === 'SQLITE_TOOBIG' || code === 'SQLITE_MISMATCH' || /^22[0-9A-Z]{3}$/.test(code);
}

function permanentError(err: unknown): Rejection['error'] | null {
  if (err instanceof VangnetError && PERMANENT_REJECTIONS.has(err.code)) return refusal(err);
  // The database's and the stamp parser's own words are for the log, never for a laptop's screen.
  const kind = err instanceof HlcError ? 'badStamp' : isConstraintError(err) ? 'constraint' : isDataError(err) ? 'badValue' : null;
  if (!kind) return null;
  log.warn({ err }, 'a pushed mutation is refused');
  return refusal(new VangnetError(kind === 'constraint' ? 'conflict' : 'invalid_args', `server.${kind}`));
}

function refusal(err: VangnetError): Rejection['error'] {
  return { code: err.code, key: err.key, ...(err.params ? { params: err.params } : {}), message: err.message };
}

/** A refusal recorded earlier, as it is said again; rows from before server migration 0008 have no key. */
function storedRefusal(row: { error_code: string; error_message: string; error_key: string | null; error_params: string | null }): Rejection['error'] {
  return {
    code: row.error_code as Rejection['error']['code'],
    ...(row.error_key ? { key: row.error_key } : {}),
    ...(row.error_params ? { params: JSON.parse(row.error_params) as MessageParams } : {}),
    message: row.error_message,
  };
}

/** A write failed in the fast path; the push is redone with a savepoint around each mutation. */
class RetryWithSavepoints extends Error {}

/**
 * Applies a client's pushed mutations in order, exactly once each: ids at or below the client's
 * last applied id are skipped (a retry; earlier refusals are repeated), a gap refuses the whole
 * push, and a mutation that can never apply is recorded as rejected (with the server's rows, so
 * the client can undo it) and counted as handled. Everything — rows, change log, audit, the
 * client's last id — commits in one transaction, so a server killed mid-push has applied nothing.
 * With a notifier, live sockets hear of the new head once it is committed.
 */
export async function handlePush(
  store: ServerDb,
  auth: DeviceAuth,
  request: PushRequest,
  now: number,
  notifier?: Notifier,
): Promise<PushResponse> {
  if (request.clientId !== auth.clientId) {
    throw new VangnetError('forbidden', 'server.pushAs', { device: auth.clientId, client: request.clientId });
  }
  // A wrong laptop clock is corrected, not refused (server/sync/restamp.ts).
  const stamps = pushStamps(request, now);
  try {
    return await pushOnce(store, auth, request, now, false, stamps, notifier);
  } catch (err) {
    if (!(err instanceof RetryWithSavepoints)) throw err;
    return pushOnce(store, auth, request, now, true, stamps, notifier);
  }
}

/**
 * One attempt. Refusals are found before a mutation writes anything (its reads and pure apply),
 * so the fast path needs no savepoints; only a write that fails (a constraint the mutation didn't
 * foresee) sends the push back here with `safe` set, where each mutation gets a savepoint.
 */
async function pushOnce(
  store: ServerDb,
  auth: DeviceAuth,
  request: PushRequest,
  now: number,
  safe: boolean,
  stamps: Map<number, string>,
  notifier: Notifier | undefined,
): Promise<PushResponse> {
  return inWriteTransaction(store, notifier, async (tx) => {
    const { trx, ledger } = tx;
    let last = await lastMutationId(trx, auth);
    const digests = digestRecorder(auth.clientId);
    let digest: string | null = null;
    let applied = 0;
    let skipped = 0;
    const rejected: Rejection[] = [];
    const restamped: Restamp[] = [];
    const reject = async (m: PushRequest['mutations'][number], error: Rejection['error']) => {
      await trx
        .insertInto('rejections')
        .values({
          client_id: auth.clientId,
          mutation_id: m.mutationId,
          name: m.name,
          error_code: error.code,
          error_message: error.message,
          error_key: error.key ?? null,
          error_params: error.params ? JSON.stringify(error.params) : null,
          at: new Date(now).toISOString(),
        })
        .execute();
      rejected.push({ mutationId: m.mutationId, error, rows: await rowsNamedBy(trx, m.name, m.args) });
    };
    for (const m of request.mutations) {
      if (m.mutationId <= last) {
        await assertRetry(trx, auth.clientId, m, last);
        skipped += 1;
        // A retry after a lost reply: say again what was refused, or the laptop never undoes it.
        const earlier = await trx
          .selectFrom('rejections')
          .select(['error_code', 'error_message', 'error_key', 'error_params'])
          .where('client_id', '=', auth.clientId)
          .where('mutation_id', '=', m.mutationId)
          .executeTakeFirst();
        if (earlier) {
          rejected.push({
            mutationId: m.mutationId,
            error: storedRefusal(earlier),
            rows: await rowsNamedBy(trx, m.name, m.args),
          });
        }
        const restamp = await restampedEarlier(trx, auth.clientId, m);
        if (restamp) restamped.push(restamp);
        continue;
      }
      if (m.mutationId !== last + 1) throw new VangnetError('gap', 'server.gap', { expected: last + 1, got: m.mutationId });
      last = m.mutationId;
      digest = digests.add(m);
      const origin = { actor: auth.engineer, deviceId: auth.deviceId, clientId: auth.clientId, mutationId: m.mutationId };
      let planned;
      try {
        planned = await stepMutation(tx, { ...m, hlc: stamps.get(m.mutationId) ?? m.hlc }, origin, { savepoint: safe });
      } catch (err) {
        // The fast path has no savepoint to undo a failed write: redo the push with them.
        if (err instanceof WriteFailed && !safe) throw new RetryWithSavepoints();
        const cause = err instanceof WriteFailed ? err.cause : err;
        const error = permanentError(cause);
        if (!error) throw cause;
        await reject(m, error);
        continue;
      }
      applied += 1;
      if (stamps.has(m.mutationId)) restamped.push(await restampFor(trx, m, planned.ctx.hlc));
    }
    await trx.updateTable('sync_clients').set({ last_mutation_id: last }).where('client_id', '=', auth.clientId).execute();
    await digests.save(trx);
    digest ??= await lastDigest(trx, auth.clientId, last);
    return { lastMutationId: last, applied, skipped, rejected, headSeq: ledger.headSeq, restamped, lastDigest: digest };
  });
}

async function lastMutationId(trx: Kysely<ServerDatabase>, auth: DeviceAuth): Promise<number> {
  const row = await trx.selectFrom('sync_clients').select('last_mutation_id').where('client_id', '=', auth.clientId).executeTakeFirst();
  if (row) return Number(row.last_mutation_id);
  await trx.insertInto('sync_clients').values({ client_id: auth.clientId, device_id: auth.deviceId, last_mutation_id: 0 }).execute();
  return 0;
}
