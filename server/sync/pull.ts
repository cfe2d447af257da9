import { sql } from 'kysely';
import type { PullResponse } from '../../shared/sync/protocol';
import type { DeviceAuth } from '../auth/devices';
import type { ServerDb } from '../db/connect';
import { lastDigest } from './rollback';

/**
 * One page of the change log after a cursor. Each row appears once, at the seq of its latest
 * change, so pulling from 0 is a bootstrap of the current state, not a replay of history.
 */
export async function handlePull(
  store: ServerDb,
  auth: DeviceAuth,
  after: number,
  limit: number,
  bootstrap = false,
  table?: string,
): Promise<PullResponse> {
  return JSON.parse((await handlePullBytes(store, auth, after, limit, bootstrap, table)).toString('utf8')) as PullResponse;
}

const CLOSE_CHANGE = Buffer.from('}');

/**
 * The same page as UTF-8 JSON bytes, with each row's stored JSON spliced in as it is: no parse and
 * re-serialise of every row on the server (a bootstrap is mostly rows). Each row is encoded on its
 * own: joining a page of rows into one string (two bytes a character as soon as one row holds an
 * "é") and encoding that for the socket took two thirds of a page's time.
 */
export async function handlePullBytes(
  store: ServerDb,
  auth: DeviceAuth,
  after: number,
  limit: number,
  bootstrap = false,
  table?: string,
): Promise<Buffer> {
  // Read before the page: every seq up to it is committed (seqs are handed out under one lock and
  // committed in order), so a bootstrap's last page may move the cursor past the entries it left out.
  const headBefore = bootstrap
    ? Number((await store.db.selectFrom('sync_state').select('head_seq').where('id', '=', 1).executeTakeFirstOrThrow()).head_seq)
    : 0;
  let query = store.db.selectFrom('changes').select(['seq', 'table_name', 'row_id', 'row']).where('seq', '>', after);
  // One table only: a laptop re-fetching a table's current state to repair it.
  if (table !== undefined) query = query.where('table_name', '=', table);
  // A bootstrap leaves out the audit history, except this laptop's own entries (its work made
  // before pairing must show as confirmed by the server).
  if (bootstrap) {
    query = query.where((eb) =>
      eb.or([
        eb('table_name', '<>', 'audit'),
        eb(
          'row_id',
          'in',
          eb
            .selectFrom('audit')
            .select(sql<string>`CAST(id AS TEXT)`.as('id'))
            .where('client_id', '=', auth.clientId),
        ),
      ]),
    );
  }
  const rows = await query
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const [state, client] = await Promise.all([
    store.db.selectFrom('sync_state').select('head_seq').where('id', '=', 1).executeTakeFirstOrThrow(),
    store.db.selectFrom('sync_clients').select('last_mutation_id').where('client_id', '=', auth.clientId).executeTakeFirst(),
  ]);
  const lastMutationId = Number(client?.last_mutation_id ?? 0);
  const digest = await lastDigest(store.db, auth.clientId, lastMutationId);
  const parts: Buffer[] = [Buffer.from('{"changes":[')];
  page.forEach((r, i) => {
    parts.push(
      Buffer.from(
        `${i > 0 ? ',' : ''}{"seq":${Number(r.seq)},"table":${JSON.stringify(r.table_name)},"id":${JSON.stringify(r.row_id)},"row":`,
      ),
    );
    parts.push(Buffer.from(r.row), CLOSE_CHANGE);
  });
  const last = page.length > 0 ? Number(page[page.length - 1]!.seq) : after;
  // The bootstrap's last page: audit entries it left out after its last row are behind the laptop too.
  const cursor = bootstrap && table === undefined && rows.length <= limit ? Math.max(last, headBefore) : last;
  parts.push(
    Buffer.from(
      `],"cursor":${cursor},"headSeq":${Number(state.head_seq)},"hasMore":${rows.length > limit},"lastMutationId":${lastMutationId},"lastDigest":${JSON.stringify(digest)}}`,
    ),
  );
  return Buffer.concat(parts);
}
