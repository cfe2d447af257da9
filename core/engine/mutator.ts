import { auditView } from '../../shared/auditChain';
import type { Actor } from '../../shared/domain/common';
import { VangnetError } from '../../shared/errors';
import { type HybridLogicalClock, hlcToIso } from '../../shared/hlc';
import { type ReadSpecs, writeId } from '../../shared/mutations/define';
import { authorize, findMutation, type MutationArgs, type MutationContext, type MutationName, type Write } from '../../shared/mutations/index';
import { checkWrites } from '../../shared/mutations/writes';
import { TABLE_SPECS } from '../../shared/schema/tables';
import { parseOrThrow } from '../../shared/validation';
import { appendAudit } from '../repos/audit';
import { insertRow, loadRead, updateRow } from '../repos/rows';
import { deleteRow } from '../repos/sync';
import { setMeta } from '../repos/meta';
import { appendOutbox } from '../repos/outbox';
import type { Db } from '../store/database';
import { writeTransaction } from '../store/transaction';

export interface MutatorDeps {
  db: Db;
  clock: HybridLogicalClock;
  deviceId: string;
  actor: Actor;
  /** Runs inside the mutation's transaction after its writes (derived local caches). */
  afterWrites?(writes: readonly Write[]): void;
}

export interface MutationOutcome {
  mutationId: number;
  hlc: string;
  writes: Write[];
}

function applyWrite(db: Db, write: Write): void {
  if (write.op === 'insert') insertRow(db, write.table, write.row);
  else if (write.op === 'update') updateRow(db, write.table, write.row);
  else if (!deleteRow(db, write.table, write.before.id)) throw new Error(`delete of ${write.table} ${write.before.id}: no such row`);
}

/**
 * Runs a named mutation locally: validate, load the rows it names, compute its writes, then apply
 * them with the outbox entry and one audit entry per write — one transaction, all or nothing.
 */
export function runMutation<N extends MutationName>(deps: MutatorDeps, name: N, rawArgs: MutationArgs<N>): MutationOutcome {
  const def = findMutation(name);
  if (!def) throw new VangnetError('unknown_call', 'call.unknownMutation', { name });
  const args = parseOrThrow(def.args, rawArgs, `arguments for ${name}`);
  const { db } = deps;
  return writeTransaction(db, (): MutationOutcome => {
    const hlc = deps.clock.tick();
    const ctx: MutationContext = { actor: deps.actor, deviceId: deps.deviceId, hlc, now: hlcToIso(hlc) };
    const loaded: Record<string, unknown> = {};
    for (const [key, spec] of Object.entries(def.reads(args))) {
      loaded[key] = loadRead(db, spec);
    }
    for (const [key, spec] of Object.entries((def.readsAfter?.(args, loaded as never, ctx) ?? {}) as ReadSpecs)) {
      loaded[key] = loadRead(db, spec);
    }
    authorize(def, deps.actor, args, loaded as never);
    const writes = def.apply(args, loaded as never, ctx);
    checkWrites(name, writes);
    for (const write of writes) {
      applyWrite(db, write);
      appendAudit(db, {
        at: ctx.now,
        hlc,
        actorId: ctx.actor.id,
        actorName: ctx.actor.name,
        deviceId: ctx.deviceId,
        mutation: name,
        entity: TABLE_SPECS[write.table].entity,
        entityId: writeId(write),
        before: write.op === 'insert' ? null : auditView(write.before),
        after: write.op === 'delete' ? null : auditView(write.row),
      });
    }
    deps.afterWrites?.(writes);
    const mutationId = appendOutbox(db, { clientId: deps.deviceId, name, args, hlc, createdAt: ctx.now });
    setMeta(db, 'hlc', hlc);
    return { mutationId, hlc, writes };
  });
}
