import type { Kysely } from 'kysely';
import { auditView } from '../../shared/auditChain';
import type { Actor } from '../../shared/domain/common';
import { VangnetError } from '../../shared/errors';
import { hlcToIso } from '../../shared/hlc';
import { isListRead, type ReadSpecs, rowAfter, writeId } from '../../shared/mutations/define';
import { authorize, findMutation, type MutationContext, type ReadSpec, type Write } from '../../shared/mutations/index';
import { planRead } from '../../shared/mutations/reads';
import { checkWrites } from '../../shared/mutations/writes';
import { TABLE_SPECS } from '../../shared/schema/tables';
import { parseOrThrow } from '../../shared/validation';
import { loadPlanned, loadRow, writeRow } from '../repos/domainRows';
import type { ServerDatabase } from '../db/schema';
import { logger } from '../log';
import type { Ledger } from './ledger';

const log = logger('mutations');

export interface MutationOrigin {
  actor: Actor;
  deviceId: string;
  clientId: string;
  mutationId: number;
}

/**
 * Runs a mutation's pure code (argument parsing, reads, apply). It touches no database, so whatever
 * it throws is about this mutation alone: anything but a refusal is a defect its input exposed (a
 * schema that lets a value through that later code can't handle), and becomes a refusal too, so
 * one poisoned mutation can never fail a whole push (or jam a laptop's outbox) again.
 */
function pure<T>(name: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof VangnetError) throw err;
    log.warn({ err, mutation: name }, 'mutation threw; refused');
    throw new VangnetError('invalid_args', 'server.mutationFailed', { name });
  }
}

/** The rows a mutation names, as the server holds them now: sent back when it is rejected. */
export async function rowsNamedBy(trx: Kysely<ServerDatabase>, name: string, args: unknown) {
  const def = findMutation(name);
  let specs: ReadSpec[];
  try {
    const parsed = def?.args.safeParse(args);
    specs = def && parsed?.success ? Object.values(def.reads(parsed.data)) : [];
  } catch {
    specs = []; // arguments the mutation's own code chokes on: it was refused for that, there is nothing to undo
  }
  const out: { table: string; id: string; row: Record<string, unknown> | null }[] = [];
  for (const spec of specs) {
    if (isListRead(spec)) {
      // The rows of a list it read (the entries a merge or a scope change moves), as they are here
      // now: the laptop moved its copies of them too, and puts back what carries the refused stamp.
      let plan: ReturnType<typeof planRead>;
      try {
        plan = planRead(spec);
      } catch {
        continue; // a read its table does not allow: the mutation was refused for that
      }
      const rows = (await loadPlanned(trx, plan)) as { id: string }[];
      for (const row of rows) out.push({ table: spec.table, id: row.id, row: row as Record<string, unknown> });
      continue;
    }
    if (spec.by !== 'id') continue;
    const id = String(spec.value);
    const row = await loadRow(trx, spec.table, 'id', id);
    out.push({ table: spec.table, id, row: (row as Record<string, unknown> | undefined) ?? null });
  }
  return out;
}

/** A mutation's writes, computed from the rows it named but not yet applied. */
export interface PlannedMutation {
  name: string;
  ctx: MutationContext;
  writes: Write[];
}

/**
 * Runs one mutation authoritatively, phase one: the same definition the laptop ran, on the
 * server's rows, with the acting engineer (and their role) taken from the device's token, never
 * from the payload. Reads only; a refusal (bad arguments, a role that may not, unknown rows,
 * conflicts) is thrown from here, before any write.
 */
export async function planMutation(
  trx: Kysely<ServerDatabase>,
  mutation: { name: string; args: unknown; hlc: string },
  origin: MutationOrigin,
): Promise<PlannedMutation> {
  const def = findMutation(mutation.name);
  if (!def) throw new VangnetError('unknown_call', 'call.unknownMutation', { name: mutation.name });
  const args = pure(def.name, () => parseOrThrow(def.args, mutation.args, `arguments for ${mutation.name}`));
  const ctx: MutationContext = { actor: origin.actor, deviceId: origin.deviceId, hlc: mutation.hlc, now: hlcToIso(mutation.hlc) };
  const loaded: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(pure(def.name, () => def.reads(args)))) {
    // A read the table's spec does not allow is the mutation's defect: refused like one.
    loaded[key] = await loadPlanned(trx, pure(def.name, () => planRead(spec)));
  }
  for (const [key, spec] of Object.entries(pure(def.name, () => (def.readsAfter?.(args, loaded as never, ctx) ?? {}) as ReadSpecs))) {
    loaded[key] = await loadPlanned(trx, pure(def.name, () => planRead(spec)));
  }
  pure(def.name, () => authorize(def, origin.actor, args, loaded as never));
  const writes = pure(def.name, () => {
    const computed = def.apply(args, loaded as never, ctx);
    checkWrites(def.name, computed);
    return computed;
  });
  return { name: mutation.name, ctx, writes };
}

/** Phase two: the writes, their change-log entries and audit entries, into the caller's transaction. */
export async function writeMutation(
  trx: Kysely<ServerDatabase>,
  ledger: Ledger,
  planned: PlannedMutation,
  origin: MutationOrigin,
): Promise<void> {
  const { ctx } = planned;
  for (const write of planned.writes) {
    await writeRow(trx, write);
    // A delete is recorded as a tombstone (row null): a pull removes the row, a bootstrap leaves it out.
    ledger.recordChange(write.table, writeId(write), rowAfter(write) as Record<string, unknown> | null);
    ledger.appendAudit(
      {
        at: ctx.now,
        hlc: ctx.hlc,
        actorId: ctx.actor.id,
        actorName: ctx.actor.name,
        deviceId: ctx.deviceId,
        mutation: planned.name,
        entity: TABLE_SPECS[write.table].entity,
        entityId: writeId(write),
        before: write.op === 'insert' ? null : auditView(write.before),
        after: write.op === 'delete' ? null : auditView(write.row),
      },
      { clientId: origin.clientId, mutationId: origin.mutationId },
    );
  }
}

/** Both phases, for a single mutation (the REST API). */
export async function applyMutation(
  trx: Kysely<ServerDatabase>,
  ledger: Ledger,
  mutation: { name: string; args: unknown; hlc: string },
  origin: MutationOrigin,
): Promise<Write[]> {
  const planned = await planMutation(trx, mutation, origin);
  await writeMutation(trx, ledger, planned, origin);
  return planned.writes;
}
