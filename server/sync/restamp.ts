import type { Kysely } from 'kysely';
import { VangnetError } from '../../shared/errors';
import { type HybridLogicalClock, MAX_DRIFT_MS, parseHlc } from '../../shared/hlc';
import { restampPush } from '../../shared/sync/clockOffset';
import type { PushRequest, Restamp } from '../../shared/sync/protocol';
import type { ServerDatabase } from '../db/schema';
import { rowsNamedBy } from './applyMutation';

/**
 * The stamps a push is applied with, by mutation id, where they differ from the laptop's
 * (shared/sync/clockOffset.ts). A laptop that sends its clock's reading is corrected, never
 * refused. An older laptop sends none and cannot take corrected stamps back, so for it a stamp
 * further ahead than the drift bound still refuses the whole push with `clock_skew`.
 */
export function pushStamps(request: PushRequest, now: number): Map<number, string> {
  if (request.clientTime !== undefined) return restampPush(request.mutations, request.clientTime, now);
  for (const m of request.mutations) {
    const stamp = wallMsOf(m.hlc);
    if (stamp !== null && stamp - now > MAX_DRIFT_MS) {
      throw new VangnetError('clock_skew', 'server.clockAhead', { id: m.mutationId, minutes: Math.round((stamp - now) / 60000) });
    }
  }
  return new Map();
}

/** What the laptop is told about a restamped mutation: its new stamp and the server's rows it touched. */
export async function restampFor(trx: Kysely<ServerDatabase>, m: PushRequest['mutations'][number], hlc: string): Promise<Restamp> {
  return { mutationId: m.mutationId, hlc, rows: await rowsNamedBy(trx, m.name, m.args) };
}

/**
 * A retried mutation (its first reply was lost) is skipped, but the laptop must still learn the
 * stamp it was applied with, or it keeps the wrong one: the server's audit entries hold it.
 */
export async function restampedEarlier(
  trx: Kysely<ServerDatabase>,
  clientId: string,
  m: PushRequest['mutations'][number],
): Promise<Restamp | null> {
  const recorded = await trx
    .selectFrom('audit')
    .select('hlc')
    .where('client_id', '=', clientId)
    .where('mutation_id', '=', m.mutationId)
    .executeTakeFirst();
  if (!recorded || recorded.hlc === m.hlc) return null;
  return restampFor(trx, m, recorded.hlc);
}

/**
 * The HLC receive rule for the server's own writes (the REST API): the stamp comes after every
 * stamp on the rows the mutation names, so an edit made after a pushed one wins even when the
 * laptop's stamp is a little ahead of this server's clock. Reading the rows (rather than
 * remembering what this process applied) holds with several server processes too.
 */
export async function stampAfterRows(trx: Kysely<ServerDatabase>, clock: HybridLogicalClock, name: string, args: unknown): Promise<string> {
  for (const { row } of await rowsNamedBy(trx, name, args)) {
    const versions = (row?.fieldVersions ?? {}) as Record<string, string>;
    for (const stamp of Object.values(versions)) if (wallMsOf(stamp) !== null) clock.observe(stamp);
  }
  return clock.tick();
}

function wallMsOf(hlc: string): number | null {
  try {
    return parseHlc(hlc).wallMs;
  } catch {
    return null; // a malformed stamp is rejected per mutation, with its reason
  }
}
