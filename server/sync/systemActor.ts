import { v7 as uuidv7 } from 'uuid';
import { HybridLogicalClock } from '../../shared/hlc';
import type { MutationArgs, MutationName, Write } from '../../shared/mutations/index';
import { SYSTEM_ACTOR } from '../../shared/permissions';
import type { ServerDb } from '../db/connect';
import { applyMutation } from './applyMutation';
import { Ledger } from './ledger';
import type { Notifier } from './notifier';
import { stampAfterRows } from './restamp';

/**
 * The bookkeeping origin of what the server does by itself. Neither id can be a laptop's: a
 * laptop's client id must match the push schema's `[A-Za-z0-9_-]`, and the colon does not, so no
 * device can push as the system, and its audit entries never mix with a laptop's own.
 */
export const SYSTEM_CLIENT_ID = 'server:system';
export const SYSTEM_DEVICE_ID = 'server:system';

export interface SystemRunner {
  /** Runs one mutation as `SYSTEM_ACTOR` (allowed everything), in a transaction of its own, and tells the laptops. */
  run<N extends MutationName>(name: N, args: MutationArgs<N>): Promise<Write[]>;
}

/**
 * Mutations the server makes itself (an alert opening an incident, an escalation step): the same
 * definitions and checks as a laptop's, stamped by a clock of the server process's own (its node
 * id unique per process, as the REST API's), audited with the actor `system`, "Vangnet (system)".
 */
export function createSystemRunner(store: ServerDb, notifier: Pick<Notifier, 'announce'>, now: () => number = Date.now): SystemRunner {
  const clock = new HybridLogicalClock(`sys-${uuidv7().slice(-12)}`, now);
  return {
    async run(name, args) {
      const trx = await store.db.startTransaction().execute();
      try {
        const ledger = await Ledger.open(trx, store.dialect);
        const writes = await applyMutation(
          trx,
          ledger,
          { name, args, hlc: await stampAfterRows(trx, clock, name, args) },
          { actor: SYSTEM_ACTOR, deviceId: SYSTEM_DEVICE_ID, clientId: SYSTEM_CLIENT_ID, mutationId: 0 },
        );
        await ledger.close();
        await trx.commit().execute();
        await notifier.announce(ledger.headSeq);
        return writes;
      } catch (err) {
        await trx.rollback().execute();
        throw err;
      }
    },
  };
}
