import type { Kysely } from 'kysely';
import { mutationDigest, RolledBackError } from '../../shared/sync/rollback';
import type { PushMutation } from '../../shared/sync/protocol';
import type { ServerDatabase } from '../db/schema';

/**
 * The server's half of telling a retry from a laptop that was set back in time (docs/sync-protocol.md,
 * "Push"): a digest of every mutation handled, and a refusal for a "retry" whose content differs.
 */

/** The digests of the mutations a push handled (applied or rejected), stored in one statement before it commits. */
export function digestRecorder(clientId: string) {
  const rows: ServerDatabase['mutation_digests'][] = [];
  return {
    /** Notes a mutation just handled; answers its digest. */
    add(m: PushMutation): string {
      const digest = mutationDigest(m);
      rows.push({ client_id: clientId, mutation_id: m.mutationId, digest });
      return digest;
    },
    async save(trx: Kysely<ServerDatabase>): Promise<void> {
      if (rows.length > 0) await trx.insertInto('mutation_digests').values(rows).execute();
    },
  };
}

/**
 * A pushed mutation at or below the client's last id is a retry only if it is the mutation the server
 * handled under that id. Different content means the laptop reused the id for new work: the whole
 * push is refused with 409 `rolled_back`, naming the first such id, so the laptop can carry its new
 * work over under fresh ids. A mutation handled before digests were kept is taken as a retry.
 */
export async function assertRetry(trx: Kysely<ServerDatabase>, clientId: string, m: PushMutation, last: number): Promise<void> {
  const stored = await trx
    .selectFrom('mutation_digests')
    .select('digest')
    .where('client_id', '=', clientId)
    .where('mutation_id', '=', m.mutationId)
    .executeTakeFirst();
  if (!stored || stored.digest === mutationDigest(m)) return;
  throw new RolledBackError({ mutationId: m.mutationId, lastMutationId: last });
}

/** The digest of the client's last handled mutation, or null when it has none (or it predates digests). */
export async function lastDigest(db: Kysely<ServerDatabase>, clientId: string, last: number): Promise<string | null> {
  if (last === 0) return null;
  const row = await db
    .selectFrom('mutation_digests')
    .select('digest')
    .where('client_id', '=', clientId)
    .where('mutation_id', '=', last)
    .executeTakeFirst();
  return row?.digest ?? null;
}
