import type { Incident } from '../../shared/domain/incident';
import type { TimelineEntry } from '../../shared/domain/lifecycle';
import { fromRecord } from '../../shared/schema/tables';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';
import { OPEN_SQL } from './lifecycle';

/** Reads for ticket bundling (docs/billing.md, "Bundling"): open tickets of a client, merged timelines. */

/** A client's open tickets that were not merged, oldest first (the survivor a suggestion proposes leads). */
export function openTicketsOf(db: Db, clientId: string, limit = 1000): Incident[] {
  const rows = stmt(
    db,
    `SELECT * FROM incidents WHERE client_id = ? AND status IN ${OPEN_SQL} AND merged_into IS NULL ORDER BY opened_at, id LIMIT ?`,
  ).all(clientId, limit) as Record<string, unknown>[];
  return rows.map((r) => fromRecord('incidents', r));
}

/** How many time entries each of these incidents holds. */
export function entryCounts(db: Db, incidentIds: readonly string[]): Map<string, number> {
  const rows = stmt(
    db,
    `SELECT incident_id AS id, count(*) AS n FROM time_entries WHERE incident_id IN (SELECT value FROM json_each(?)) GROUP BY incident_id`,
  ).all(JSON.stringify(incidentIds)) as { id: string; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

/**
 * The incident's timeline with those of every incident merged into it, directly or through a
 * ticket that was itself merged in later, in time order. Events stay on the incident they were
 * written on (the timeline is append-only); each keeps its `incidentId`, so a view can say where
 * it came from. A merged ticket's own record of the merge (its closing and "merged into") is left
 * out: the survivor's "merged in" event says it once.
 */
export function mergedTimelineFor(db: Db, incidentId: string): TimelineEntry[] {
  const rows = stmt(
    db,
    `WITH RECURSIVE family(id) AS (
       SELECT @root UNION SELECT i.id FROM incidents i JOIN family f ON i.merged_into = f.id
     )
     SELECT e.* FROM incident_events e WHERE e.incident_id IN (SELECT id FROM family)
       AND (e.incident_id = @root OR e.hlc NOT IN (
         SELECT m.hlc FROM incident_events m WHERE m.incident_id = e.incident_id AND m.data ->> '$.kind' = 'mergedInto'))
     ORDER BY e.at, e.hlc, e.rowid`,
  ).all({ root: incidentId }) as Record<string, unknown>[];
  return rows.map((r) => fromRecord('incidentEvents', r));
}
