import type { IncidentDetail, IncidentListRow, IncidentPage } from '../../shared/contract';
import type { Incident } from '../../shared/domain/incident';
import { fromRecord } from '../../shared/schema/tables';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';

interface IncidentRow {
  id: string;
  client_id: string;
  title: string;
  description: string;
  priority: Incident['priority'];
  status: Incident['status'];
  opened_at: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  field_versions: string;
}

export function getIncidentDetail(db: Db, id: string): IncidentDetail | undefined {
  const row = stmt(
    db,
    `SELECT i.*, c.name AS client_name, c.code AS client_code FROM incidents i JOIN clients c ON c.id = i.client_id WHERE i.id = ?`,
  ).get(id) as (Record<string, unknown> & { client_name: string; client_code: string }) | undefined;
  return row ? { ...fromRecord('incidents', row), clientName: row.client_name, clientCode: row.client_code } : undefined;
}

export interface IncidentFilter {
  clientId?: string | undefined;
  priorities?: readonly string[] | undefined;
  statuses?: readonly string[] | undefined;
  search?: string | undefined;
  sort: 'priority' | 'opened' | 'updated';
  offset: number;
  limit: number;
}

const SORTS: Record<IncidentFilter['sort'], string> = {
  priority: 'i.priority ASC, i.opened_at ASC, i.id',
  opened: 'i.opened_at DESC, i.id',
  updated: 'i.updated_at DESC, i.id',
};

/** One page of the incident list with its total; filters are bound parameters, never spliced in. */
export function queryIncidents(db: Db, filter: IncidentFilter): IncidentPage {
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
  if (filter.search?.trim()) {
    where.push(`(i.title LIKE @search ESCAPE '\\' OR c.name LIKE @search ESCAPE '\\' OR c.code LIKE @search ESCAPE '\\')`);
    params.search = `%${filter.search.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const from = `FROM incidents i JOIN clients c ON c.id = i.client_id ${whereSql}`;
  const total = (stmt(db, `SELECT count(*) AS n ${from}`).get(params) as { n: number }).n;
  const rows = stmt(
    db,
    `SELECT i.id, i.client_id, i.title, i.priority, i.status, i.opened_at, i.created_at, i.created_by, i.updated_at,
            c.name AS client_name, c.code AS client_code
     ${from} ORDER BY ${SORTS[filter.sort]} LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: filter.limit, offset: filter.offset }) as (Omit<IncidentRow, 'description' | 'field_versions'> & {
    client_name: string;
    client_code: string;
  })[];
  const list: IncidentListRow[] = rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    title: r.title,
    priority: r.priority,
    status: r.status,
    openedAt: r.opened_at,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    clientName: r.client_name,
    clientCode: r.client_code,
  }));
  return { total, offset: filter.offset, rows: list };
}
