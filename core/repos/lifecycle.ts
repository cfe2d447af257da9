import type { Contract } from '../../shared/domain/contract';
import type { Incident } from '../../shared/domain/incident';
import { OPEN_STATUSES, type TimelineEntry } from '../../shared/domain/lifecycle';
import type { ClockEntry } from '../../shared/domain/slaInputs';
import type { Platform } from '../../shared/domain/platform';
import { fromRecord } from '../../shared/schema/tables';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';

export function timelineFor(db: Db, incidentId: string): TimelineEntry[] {
  const rows = stmt(db, 'SELECT * FROM incident_events WHERE incident_id = ? ORDER BY at, hlc').all(incidentId) as Record<
    string,
    unknown
  >[];
  return rows.map((r) => fromRecord('incidentEvents', r));
}

export type SlaSubject = Pick<Incident, 'id' | 'clientId' | 'openedAt' | 'priority' | 'status'>;

/** What the SLA cache needs of several incidents, in one query (only these columns, nothing parsed). */
export function slaSubjects(db: Db, incidentIds: readonly string[]): SlaSubject[] {
  return stmt(
    db,
    `SELECT id, client_id AS clientId, opened_at AS openedAt, priority, status FROM incidents WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(incidentIds)) as SlaSubject[];
}

/**
 * The timeline entries the SLA clocks read (status, priority and client-visible replies), of
 * several incidents in one query: two columns, no other parsing. For list pages and refreshes.
 */
export function clockEntriesFor(db: Db, incidentIds: readonly string[]): Map<string, ClockEntry[]> {
  const rows = stmt(
    db,
    `SELECT incident_id, at, data FROM incident_events
     WHERE incident_id IN (SELECT value FROM json_each(?)) AND data ->> '$.kind' IN ('status', 'priority', 'reply')
     ORDER BY incident_id, at, hlc`,
  )
    .raw(true)
    .all(JSON.stringify(incidentIds)) as [string, string, string][];
  const out = new Map<string, ClockEntry[]>();
  for (const [incidentId, at, data] of rows) {
    const entry = { at, data: JSON.parse(data) as ClockEntry['data'] };
    const list = out.get(incidentId);
    if (list) list.push(entry);
    else out.set(incidentId, [entry]);
  }
  return out;
}

/** Every version of a client's contract, newest `effectiveFrom` first. */
export function contractsFor(db: Db, clientId: string): Contract[] {
  const rows = stmt(db, 'SELECT * FROM contracts WHERE client_id = ? ORDER BY effective_from DESC, created_at DESC').all(
    clientId,
  ) as Record<string, unknown>[];
  return rows.map((r) => fromRecord('contracts', r));
}

export function platformsFor(db: Db, clientId: string): Platform[] {
  const rows = stmt(db, 'SELECT * FROM platforms WHERE client_id = ? ORDER BY name COLLATE NOCASE').all(clientId) as Record<
    string,
    unknown
  >[];
  return rows.map((r) => fromRecord('platforms', r));
}

export function incidentIdsOfClient(db: Db, clientId: string): string[] {
  return (stmt(db, 'SELECT id FROM incidents WHERE client_id = ?').all(clientId) as { id: string }[]).map((r) => r.id);
}

export function incidentIdsMissingSla(db: Db): string[] {
  return (
    stmt(db, 'SELECT i.id FROM incidents i LEFT JOIN incident_sla s ON s.incident_id = i.id WHERE s.incident_id IS NULL').all() as {
      id: string;
    }[]
  ).map((r) => r.id);
}

/** The incidents the SLA cache holds as open. */
export function openIncidentIds(db: Db): string[] {
  return stmt(db, 'SELECT incident_id FROM incident_sla WHERE open = 1').pluck().all() as string[];
}

export function countIncidents(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM incident_sla').get() as { n: number }).n;
}

/** The open statuses as an SQL list, `('new', …)`, from the one definition in shared/domain/lifecycle. */
export const OPEN_SQL = `(${OPEN_STATUSES.map((st) => `'${st}'`).join(', ')})`;

/** A due instant that sorts after every real one: incidents without a running clock go last. */
export const NO_DUE = 9_000_000_000_000_000;

/**
 * After a bulk load, in three statements instead of one write per incident: every incident
 * without a cache row gets one with no running clock, and closed incidents drop their clocks.
 * Returns the open incidents whose client has a contract — the only ones with clocks to compute.
 */
export function settleSlaInBulk(db: Db): string[] {
  stmt(
    db,
    `INSERT INTO incident_sla (incident_id, client_id, open, due_at, at_risk_at, breached_at, paused, contract_id)
     SELECT i.id, i.client_id, i.status IN ${OPEN_SQL}, @none, @none, @none, 0, NULL FROM incidents i
     WHERE NOT EXISTS (SELECT 1 FROM incident_sla s WHERE s.incident_id = i.id)`,
  ).run({ none: NO_DUE });
  stmt(
    db,
    `UPDATE incident_sla SET open = 0, due_at = @none, at_risk_at = @none, breached_at = @none, paused = 0, contract_id = NULL
     WHERE open = 1 AND incident_id IN (SELECT id FROM incidents WHERE status NOT IN ${OPEN_SQL})`,
  ).run({ none: NO_DUE });
  return (
    stmt(
      db,
      `SELECT i.id FROM incidents i WHERE i.status IN ${OPEN_SQL} AND EXISTS (SELECT 1 FROM contracts c WHERE c.client_id = i.client_id)`,
    ).all() as { id: string }[]
  ).map((r) => r.id);
}

export function saveSla(
  db: Db,
  row: {
    incidentId: string;
    clientId: string;
    open: boolean;
    dueAt: number | null;
    atRiskAt: number | null;
    breachedAt: number | null;
    paused: boolean;
    contractId: string | null;
  },
): void {
  stmt(
    db,
    `INSERT INTO incident_sla (incident_id, client_id, open, due_at, at_risk_at, breached_at, paused, contract_id)
     VALUES (@incidentId, @clientId, @open, @dueAt, @atRiskAt, @breachedAt, @paused, @contractId)
     ON CONFLICT (incident_id) DO UPDATE SET client_id = excluded.client_id, open = excluded.open, due_at = excluded.due_at,
       at_risk_at = excluded.at_risk_at, breached_at = excluded.breached_at, paused = excluded.paused, contract_id = excluded.contract_id`,
  ).run({
    ...row,
    open: row.open ? 1 : 0,
    dueAt: row.dueAt ?? NO_DUE,
    atRiskAt: row.atRiskAt ?? NO_DUE,
    breachedAt: row.breachedAt ?? NO_DUE,
    paused: row.paused ? 1 : 0,
  });
}

export interface SlaMoment {
  incidentId: string;
  title: string;
  clientCode: string;
  priority: 'P1' | 'P2' | 'P3' | 'P4';
  kind: 'at_risk' | 'breached';
  at: number;
}

/** Open incidents whose clock turned amber or red in (from, to]. */
export function slaMomentsBetween(db: Db, from: number, to: number): SlaMoment[] {
  return stmt(
    db,
    `SELECT s.incident_id AS incidentId, i.title, c.code AS clientCode, i.priority, 'breached' AS kind, s.due_at AS at
       FROM incident_sla s JOIN incidents i ON i.id = s.incident_id JOIN clients c ON c.id = i.client_id
      WHERE s.due_at > @from AND s.due_at <= @to AND i.status IN ${OPEN_SQL}
     UNION ALL
     SELECT s.incident_id, i.title, c.code, i.priority, 'at_risk', s.at_risk_at
       FROM incident_sla s JOIN incidents i ON i.id = s.incident_id JOIN clients c ON c.id = i.client_id
      WHERE s.at_risk_at > @from AND s.at_risk_at <= @to AND s.due_at > @to AND i.status IN ${OPEN_SQL}
     ORDER BY at`,
  ).all({ from, to }) as SlaMoment[];
}

/** The next instant after `after` at which some clock turns amber or red, or null. */
export function nextSlaMoment(db: Db, after: number): number | null {
  const row = stmt(
    db,
    `SELECT min(x) AS next FROM (SELECT min(due_at) AS x FROM incident_sla WHERE due_at > @after AND due_at < @none
                                 UNION ALL SELECT min(at_risk_at) FROM incident_sla WHERE at_risk_at > @after AND at_risk_at < @none)`,
  ).get({ after, none: NO_DUE }) as { next: number | null };
  return row.next;
}
