import type { Incident } from '../../shared/domain/incident';
import { OPEN_STATUSES } from '../../shared/domain/lifecycle';
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
  sla: 's.due_at ASC, i.priority ASC, i.opened_at ASC, i.id',
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
    where.push('i.client_id = @clientId');
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
    // Only open incidents have live clocks; "breached" means a running clock is past its due instant.
    where.push(`i.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`);
    where.push(filter.sla === 'breached' ? 's.due_at <= @now' : 's.at_risk_at <= @now AND s.due_at > @now');
    params.now = now;
  }
  const needsClient = Boolean(filter.search?.trim());
  if (needsClient) {
    where.push(`(i.title LIKE @search ESCAPE '\\' OR c.name LIKE @search ESCAPE '\\' OR c.code LIKE @search ESCAPE '\\')`);
    params.search = `%${filter.search!.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // Every incident has its incident_sla row (written in the same transaction as the incident).
  const slaJoin = `JOIN incident_sla s ON s.incident_id = i.id`;
  const countFrom = `FROM incidents i ${needsClient ? 'JOIN clients c ON c.id = i.client_id' : ''} ${filter.sla ? slaJoin : ''} ${whereSql}`;
  const total = (stmt(db, `SELECT count(*) AS n ${countFrom}`).get(params) as { n: number }).n;
  const rows = stmt(
    db,
    `SELECT i.id, i.client_id, i.title, i.priority, i.status, i.opened_at, i.created_at, i.created_by, i.updated_at, i.assignee_id, i.category,
            c.name AS client_name, c.code AS client_code
     FROM incidents i JOIN clients c ON c.id = i.client_id ${slaJoin} ${whereSql}
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
