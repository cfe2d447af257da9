import { TIMELINE_KINDS } from '../../shared/domain/lifecycle';
import { deterministicId } from '../../shared/ids';
import { isListRead } from '../../shared/mutations/define';
import { findMutation } from '../../shared/mutations/index';
import type { Change } from '../../shared/sync/protocol';
import { getMeta, setMeta } from '../repos/meta';
import { getRowBy } from '../repos/rows';
import { deleteRow } from '../repos/sync';
import type { Db } from '../store/database';

/**
 * Timeline entries this laptop made for mutations the server has applied, waiting to be matched
 * with the server's copies: `[entryId, incidentId, headSeq]`, where headSeq is the server's head
 * after the push that applied them. Kept in `meta` so a pull cut short resumes the check.
 */
const KEY = 'sync.unconfirmedTimeline';

type Unconfirmed = [entryId: string, incidentId: string, headSeq: number];

function load(db: Db): Unconfirmed[] {
  const stored = getMeta(db, KEY);
  return stored ? (JSON.parse(stored) as Unconfirmed[]) : [];
}

/** The ids a timeline entry of this mutation can have: they derive from its stamp and incident. */
export function timelineIdsOf(hlc: string, incidentId: string): string[] {
  return TIMELINE_KINDS.map((kind) => deterministicId(`${hlc}:${incidentId}:${kind}`));
}

/** Removes the timeline entries a mutation with this stamp made on this incident; true when any existed. */
export function dropTimelineEntries(db: Db, hlc: string, incidentId: string): boolean {
  let dropped = false;
  for (const id of timelineIdsOf(hlc, incidentId)) if (deleteRow(db, 'incidentEvents', id)) dropped = true;
  return dropped;
}

function incidentsNamedBy(name: string, args: unknown): string[] {
  const def = findMutation(name);
  const parsed = def?.args.safeParse(args);
  if (!def || !parsed?.success) return [];
  return Object.values(def.reads(parsed.data)).flatMap((spec) =>
    !isListRead(spec) && spec.table === 'incidents' && spec.by === 'id' ? [String(spec.value)] : [],
  );
}

/**
 * In the push's ack transaction: the timeline entries of the mutations this push applied (not those
 * skipped as applied before, nor refused) are unconfirmed until the pull passes `headSeq`. Whether a
 * mutation makes an entry can depend on the row it starts from (a priority set to what another
 * laptop set first makes none on the server), so the server's replay is the one that counts. The
 * laptop's cursor is below every seq this push wrote, so the pull up to `headSeq` brings each entry
 * the server made.
 */
export function noteUnconfirmed(
  db: Db,
  applied: readonly { name: string; args: unknown; hlc: string }[],
  headSeq: number,
): void {
  const added: Unconfirmed[] = [];
  for (const m of applied) {
    for (const incidentId of incidentsNamedBy(m.name, m.args)) {
      for (const id of timelineIdsOf(m.hlc, incidentId)) if (getRowBy(db, 'incidentEvents', 'id', id)) added.push([id, incidentId, headSeq]);
    }
  }
  if (added.length > 0) setMeta(db, KEY, JSON.stringify([...load(db), ...added]));
}

/**
 * In a pulled page's transaction: entries the page brings are confirmed; entries still unconfirmed
 * once the cursor reaches their push's head were never made by the server and are removed, so the
 * laptop holds the server's timeline. Returns the incidents whose timeline lost an entry.
 */
export function settleUnconfirmed(db: Db, changes: readonly Pick<Change, 'table' | 'id'>[], cursor: number): string[] {
  const waiting = load(db);
  if (waiting.length === 0) return [];
  const brought = new Set(changes.filter((c) => c.table === 'incidentEvents').map((c) => c.id));
  const kept: Unconfirmed[] = [];
  const changed = new Set<string>();
  for (const entry of waiting) {
    const [id, incidentId, headSeq] = entry;
    if (brought.has(id)) continue;
    if (headSeq > cursor) kept.push(entry);
    else if (deleteRow(db, 'incidentEvents', id)) changed.add(incidentId);
  }
  setMeta(db, KEY, JSON.stringify(kept));
  return [...changed];
}
