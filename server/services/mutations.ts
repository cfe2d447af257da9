import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../shared/domain/common';
import { HybridLogicalClock } from '../../shared/hlc';
import type { MutationArgs, MutationName, Write } from '../../shared/mutations/index';
import { SYSTEM_ACTOR } from '../../shared/permissions';
import type { PushRequest, PushResponse } from '../../shared/sync/protocol';
import type { DeviceAuth } from '../auth/devices';
import type { ServerDb } from '../db/connect';
import type { ServerDatabase } from '../db/schema';
import type { MutationOrigin } from '../sync/applyMutation';
import type { Notifier } from '../sync/notifier';
import { handlePush } from '../sync/push';
import { stampAfterRows } from '../sync/restamp';
import { inWriteTransaction, stepMutation, WriteFailed } from './writeTransaction';

/**
 * Who a server-side write is made by. A device (a REST call with its token) acts as its engineer;
 * the server itself (a background job, a webhook) acts as whatever actor it is given, under a
 * source name. Neither has a laptop's outbox, so their audit entries are booked under a client id
 * of their own with mutation id 0 (see `originOf`).
 */
export type ActingAs = { kind: 'device'; device: DeviceAuth } | { kind: 'server'; actor: Actor; source: string };

/**
 * What the server does by itself (an alert opening an incident, an escalation step), named by its
 * source: run as `SYSTEM_ACTOR` ("Vangnet (system)", allowed everything), audited with actor
 * `system` and client id `server-<source>`, in the same hash chain as every other write.
 */
export function asSystem(source: string): ActingAs {
  if (!/^[a-z][a-z0-9-]{0,30}$/.test(source))
    throw new Error(`asSystem: source must be a short lowercase name, got ${JSON.stringify(source)}`);
  return { kind: 'server', actor: SYSTEM_ACTOR, source };
}

/** The device id audit entries of server-made writes carry: no device made them. */
export const SERVER_DEVICE_ID = 'server';

/**
 * The bookkeeping of a write that did not come from a laptop's outbox: client id `api-<device id>`
 * for REST calls, `server-<source>` (e.g. `server-escalation`) for the server's own writes, and
 * mutation id 0 for both. Laptop client ids are UUIDs, so neither can collide with one (a laptop's
 * bootstrap picks its own audit entries by client id), and id 0 is below every pushed id.
 */
export function originOf(acting: ActingAs): MutationOrigin {
  if (acting.kind === 'device') {
    const { device } = acting;
    return { actor: device.engineer, deviceId: device.deviceId, clientId: `api-${device.deviceId}`, mutationId: 0 };
  }
  return { actor: acting.actor, deviceId: SERVER_DEVICE_ID, clientId: `server-${acting.source}`, mutationId: 0 };
}

/** A write transaction of the mutation service: its queries, and mutations run inside it. */
export interface MutationTx {
  trx: Kysely<ServerDatabase>;
  run<N extends MutationName>(name: N, args: MutationArgs<N>): Promise<Write[]>;
}

export interface MutationServiceDeps {
  store: ServerDb;
  notifier: Notifier;
  now: () => number;
}

/**
 * The server's one way to write: every shared mutation, from any caller, runs through here in a
 * transaction holding the sync lock, lands in the change log and the audit chain, and pokes the
 * live sockets once committed.
 */
export function createMutationService({ store, notifier, now }: MutationServiceDeps) {
  // Each server process stamps its own writes with its own node id, so two processes never tie.
  const clock = new HybridLogicalClock(`srv-${uuidv7().slice(-12)}`, now);

  /**
   * Several mutations, and the caller's own server-only rows beside them, in one write
   * transaction: all commit or none (the alert processor keeps an alert's dedup state with the
   * incident it opens, server/alerts/process.ts). `trx` holds the sync lock, so reads through it
   * see every earlier writer's commit. Anything thrown rolls the whole transaction back.
   */
  async function transact<T>(acting: ActingAs, work: (tx: MutationTx) => Promise<T>): Promise<T> {
    const origin = originOf(acting);
    return inWriteTransaction(store, notifier, (tx) =>
      work({
        trx: tx.trx,
        async run(name, args) {
          const hlc = await stampAfterRows(tx.trx, clock, name, args);
          try {
            return (await stepMutation(tx, { name, args, hlc }, origin, { savepoint: false })).writes;
          } catch (err) {
            throw err instanceof WriteFailed ? err.cause : err;
          }
        },
      }),
    );
  }

  return {
    /**
     * One mutation, stamped by this server after every stamp on the rows it names. A refusal
     * (VangnetError) or a failed write is thrown, with nothing written. The arguments are typed by
     * the mutation's name; they are still parsed by its schema, as a pushed mutation's are.
     */
    async runMutation<N extends MutationName>(acting: ActingAs, name: N, args: MutationArgs<N>): Promise<Write[]> {
      return transact(acting, ({ run }) => run(name, args));
    },

    transact,

    /** A laptop's push, in its batch semantics (server/sync/push.ts). */
    push(device: DeviceAuth, request: PushRequest): Promise<PushResponse> {
      return handlePush(store, device, request, now(), notifier);
    },
  };
}
export type MutationService = ReturnType<typeof createMutationService>;
