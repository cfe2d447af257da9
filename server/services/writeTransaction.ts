import type { ControlledTransaction } from 'kysely';
import type { ServerDb } from '../db/connect';
import type { ServerDatabase } from '../db/schema';
import { type MutationOrigin, type PlannedMutation, planMutation, writeMutation } from '../sync/applyMutation';
import { Ledger } from '../sync/ledger';
import type { Notifier } from '../sync/notifier';

/** One write transaction holding the sync lock: rows, change log and audit commit together. */
export interface WriteTx {
  trx: ControlledTransaction<ServerDatabase>;
  ledger: Ledger;
}

/**
 * Runs `work` in a write transaction and commits it with the ledger's buffered change-log and
 * audit rows; anything thrown rolls everything back. After the commit, live sockets hear of the
 * new head (only if the head moved: a push whose mutations were all refused changed nothing).
 */
export async function inWriteTransaction<T>(
  store: ServerDb,
  notifier: Notifier | undefined,
  work: (tx: WriteTx) => Promise<T>,
): Promise<T> {
  const trx = await store.db.startTransaction().execute();
  let result: T;
  let ledger: Ledger;
  let startSeq: number;
  try {
    ledger = await Ledger.open(trx, store.dialect);
    startSeq = ledger.headSeq;
    result = await work({ trx, ledger });
    await ledger.close();
    await trx.commit().execute();
  } catch (err) {
    await trx.rollback().execute();
    throw err;
  }
  if (notifier && ledger.headSeq !== startSeq) await notifier.announce(ledger.headSeq);
  return result;
}

/** A mutation's write failed (a constraint it did not foresee, a value the database refused): `cause` says why. */
export class WriteFailed extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * The per-mutation core every path shares (REST, push, and the jobs and webhooks to come): plan
 * the mutation on the server's rows — a refusal is thrown from here, before any write — then write
 * it. With `savepoint`, a failed write is undone alone (rows and ledger entries) so the rest of the
 * transaction can go on; without, the caller must roll back the whole transaction on WriteFailed.
 */
export async function stepMutation(
  tx: WriteTx,
  mutation: { name: string; args: unknown; hlc: string },
  origin: MutationOrigin,
  { savepoint }: { savepoint: boolean },
): Promise<PlannedMutation> {
  const planned = await planMutation(tx.trx, mutation, origin);
  if (!savepoint) {
    try {
      await writeMutation(tx.trx, tx.ledger, planned, origin);
    } catch (err) {
      throw new WriteFailed(err);
    }
    return planned;
  }
  const mark = tx.ledger.mark();
  const sp = await tx.trx.savepoint('mutation').execute();
  try {
    await writeMutation(sp, tx.ledger, planned, origin);
    await sp.releaseSavepoint('mutation').execute();
  } catch (err) {
    await sp.rollbackToSavepoint('mutation').execute();
    tx.ledger.restore(mark);
    throw new WriteFailed(err);
  }
  return planned;
}
