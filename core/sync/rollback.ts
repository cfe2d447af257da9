import { mutationDigest, type RolledBackProblem } from '../../shared/sync/rollback';
import { logger } from '../log';
import { highestAssignedId, outboxEntry, renumberFrom, reserveIdsThrough } from '../repos/outbox';
import { ackOutbox } from '../repos/sync';
import { writeTransaction } from '../store/transaction';
import type { Db } from '../store/database';

const log = logger('sync');

/**
 * The laptop's half of surviving a store set back in time (restored from a backup, or its `-wal`
 * lost; docs/sync-protocol.md, "The laptop's side"). Such a store hands out mutation ids the server
 * already applied, so the server's "last applied id" no longer means "everything up to here is
 * yours": entries are only ever dropped as acknowledged when the server's last mutation is provably
 * this store's, and new work that reused ids is renumbered after the server's last id.
 */

/**
 * Whether the server's last mutation from this client is not this store's: it is past every id the
 * store ever handed out, or the store holds that id with other content.
 */
export function isSetBack(db: Db, serverLast: number, serverDigest: string | null): boolean {
  if (serverLast > highestAssignedId(db)) return true;
  if (serverDigest === null) return false; // handled before digests were kept: nothing to tell by
  const entry = outboxEntry(db, serverLast);
  return entry !== undefined && mutationDigest(entry) !== serverDigest;
}

/**
 * A pull's word on the server's last id: drops acknowledged entries (pushed by another process on
 * this store, or a push whose reply was lost), unless the store was set back; then nothing is
 * dropped (the next push sorts it out, entry by entry) and new ids are moved past the server's.
 */
export function acknowledgePulled(db: Db, serverLast: number, serverDigest: string | null): void {
  if (!isSetBack(db, serverLast, serverDigest)) {
    ackOutbox(db, serverLast);
    return;
  }
  log.warn({ serverLast }, 'the server holds mutations this store does not: it was set back; new work follows the server');
  reserveIdsThrough(db, serverLast);
}

/**
 * A successful push: the server checked every entry of the batch (a retry only with the same
 * digest), so the batch is acknowledged — never more, since ids past it may be new work of a
 * store that was set back. New ids are moved past the server's last one.
 */
export function acknowledgePushed(db: Db, serverLast: number, batchLast: number): void {
  ackOutbox(db, Math.min(serverLast, batchLast));
  reserveIdsThrough(db, serverLast);
}

/**
 * The server refused a push as `rolled_back`: entries from the first reused id on are new work, and
 * move (in order, in one transaction) to the ids after the server's last one. Entries before it are
 * this store's own, already handled: the next push confirms them, with any refusals among them.
 */
export function carryOver(db: Db, problem: RolledBackProblem): number {
  const moved = writeTransaction(db, () => renumberFrom(db, problem.mutationId, problem.lastMutationId));
  log.warn({ ...problem, moved }, 'this store was set back: new work renumbered after the server’s last mutation');
  return moved;
}
