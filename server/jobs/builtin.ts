import type { ServerDb } from '../db/connect';
import { logger } from '../log';
import { deleteExpiredPairingCodes } from '../repos/pairingCodes';
import type { JobDefinition } from './jobs';

const log = logger('jobs');

export const PRUNE_PAIRING_CODES_EVERY_MS = 60 * 60 * 1000;

/**
 * Expired pairing codes are refused anyway (server/auth/devices.ts); pruning them keeps the table
 * to the codes still outstanding. Safe to run twice (a delete by expiry), but one leader runs it.
 */
export function prunePairingCodes(store: ServerDb, now: () => number): JobDefinition {
  return {
    name: 'prune-pairing-codes',
    everyMs: PRUNE_PAIRING_CODES_EVERY_MS,
    async run() {
      const deleted = await deleteExpiredPairingCodes(store.db, now());
      if (deleted > 0) log.info({ deleted }, 'pruned expired pairing codes');
    },
  };
}
