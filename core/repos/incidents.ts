import type { Incident } from '../../shared/domain/incident';
import { fromRecord } from '../../shared/schema/tables';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';

type Joined = Record<string, unknown> & { client_name: string; client_code: string };

export function getIncidentWithClient(db: Db, id: string): (Incident & { clientName: string; clientCode: string }) | undefined {
  const row = stmt(
    db,
    `SELECT i.*, c.name AS client_name, c.code AS client_code FROM incidents i JOIN clients c ON c.id = i.client_id WHERE i.id = ?`,
  ).get(id) as Joined | undefined;
  return row ? { ...fromRecord('incidents', row), clientName: row.client_name, clientCode: row.client_code } : undefined;
}

export interface IncidentFilter {
  clientId?: string | undefined;
  priorities?: readonly string[] | undefined;
  statuses?: readonly string[] | undefined;
  search?: string | undefined;
  assigneeId?: string | undefined;
  category?: string | undefined;
  sla?: 'at_risk' | 'breached' | undefined;
  sort: 'sla' | 'priority' | 'opened' | 'updated';
  offset: number;
  limit: number;
}

const SORTS: Record<IncidentFilter['sort'], string> = {
  // Time-to-breach: breached first (due in the past), then the soonest; no running clock last.
  sla: 's.due_at ASC, s.incident_id',
  priority: 'i.priority ASC, i.opened_at ASC, i.id',
  opened: 'i.opened_at DESC, i.id',
  updated: 'i.updated_at DESC, i.id',
};

export type IncidentListRecord = Omit<Incident, 'description' | 'fieldVersions'> & { clientName: string; clientCode: string };

/**
 * One page of the incident list with its total. Filters are bound parameters, never spliced in;
 * the SLA sort and filters read the `incident_sla` cache, so no clock is computed per row here.
 */
export function queryIncidents(db: Db, filter: IncidentFilter, now: number): { total: number; offset: number; rows: IncidentListRecord[] } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.clientId) {
    // On the SLA cache's column: its (client_id, due_at) index then serves the time-to-breach order.
    where.push('s.client_id = @clientId');
    params.clientId = filter.clientId;
  }
  if (filter.priorities?.length) {
    where.push(`i.priority IN (SELECT value FROM json_each(@priorities))`);
    params.priorities = JSON.stringify(filter.priorities);
  }
  if (filter.statuses?.length) {
    where.push(`i.status IN (SELECT value FROM json_each(@statuses))`);
    params.statuses = JSON.stringify(filter.statuses);
  }
  if (filter.assigneeId) {
    where.push('i.assignee_id = @assigneeId');
    params.assigneeId = filter.assigneeId;
  }
  if (filter.category) {
    where.push('i.category = @category');
    params.category = filter.category;
  }
  if (filter.sla) {
    // The cache holds instants only for running clocks (a resolved incident's are the far-future
    // sentinel), so "breached" is simply a due instant in the past — no status test needed.
    where.push(filter.sla === 'breached' ? 's.due_at <= @now' : 's.at_risk_at <= @now AND s.due_at > @now');
    params.now = now;
  }
  const search = filter.search?.trim();
  if (search) {
    // A plain scan (about 0.1 s over 100k incidents); a full-text index is the next step if it matters.
    where.push(
      `(i.title LIKE @search ESCAPE '\\' OR i.client_id IN (SELECT id FROM clients WHERE name LIKE @search ESCAPE '\\' OR code LIKE @search ESCAPE '\\'))`,
    );
    params.search = `%${search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // Every incident has its incident_sla row (written in the same transaction as the incident).
  // Sorted by time to breach, the SLA index leads (CROSS JOIN fixes SQLite's join order): the
  // first page is then read in index order and the scan stops after it, whatever the filters.
  // An assignee, category or search narrows the rows most: then that index drives and the matches
  // are sorted (walking the SLA index would visit every incident when fewer than a page match).
  const narrowed = Boolean(filter.assigneeId || filter.category || search);
  const slaFirst = (filter.sort === 'sla' || filter.sla !== undefined) && !narrowed;
  const tables = slaFirst
    ? `incident_sla s CROSS JOIN incidents i ON i.id = s.incident_id`
    : `incidents i JOIN incident_sla s ON s.incident_id = i.id`;
  // Counting needs only the tables the conditions name: the SLA cache alone answers "how many
  // breached (for this client)" from its indexes.
  const onlySla = where.every((w) => !/\bi\./.test(w));
  const countFrom =
    onlySla && (filter.sla || filter.clientId)
      ? `FROM incident_sla s ${whereSql}`
      : filter.sla || filter.clientId
        ? `FROM ${tables} ${whereSql}`
        : `FROM incidents i ${whereSql}`;
  const total = (stmt(db, `SELECT count(*) AS n ${countFrom}`).get(params) as { n: number }).n;
  const rows = stmt(
    db,
    `SELECT i.id, i.client_id, i.title, i.priority, i.status, i.opened_at, i.created_at, i.created_by, i.updated_at, i.assignee_id, i.category,
            c.name AS client_name, c.code AS client_code
     FROM ${tables} JOIN clients c ON c.id = i.client_id ${whereSql}
     ORDER BY ${SORTS[filter.sort]} LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: filter.limit, offset: filter.offset }) as Joined[];
  return {
    total,
    offset: filter.offset,
    rows: rows.map((r) => ({
      id: r.id as string,
      clientId: r.client_id as string,
      title: r.title as string,
      priority: r.priority as Incident['priority'],
      status: r.status as Incident['status'],
      openedAt: r.opened_at as string,
      createdAt: r.created_at as string,
      createdBy: r.created_by as string,
      updatedAt: r.updated_at as string,
      assigneeId: (r.assignee_id as string | null) ?? null,
      category: (r.category as Incident['category']) ?? null,
      clientName: r.client_name,
      clientCode: r.client_code,
    })),
  };
}
