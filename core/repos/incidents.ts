import type { IncidentDetail, IncidentListRow, IncidentPage } from '../../shared/contract';
import type { Incident } from '../../shared/domain/incident';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';
import { strictAssert } from './assert';

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

function fromRow(r: IncidentRow): Incident {
  return {
    id: r.id,
    clientId: r.client_id,
    title: r.title,
    description: r.description,
    priority: r.priority,
    status: r.status,
    openedAt: r.opened_at,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    fieldVersions: JSON.parse(r.field_versions) as Incident['fieldVersions'],
  };
}

function toParams(i: Incident) {
  return {
    id: i.id,
    client_id: i.clientId,
    title: i.title,
    description: i.description,
    priority: i.priority,
    status: i.status,
    opened_at: i.openedAt,
    created_at: i.createdAt,
    created_by: i.createdBy,
    updated_at: i.updatedAt,
    field_versions: JSON.stringify(i.fieldVersions),
  };
}

export function getIncidentBy(db: Db, _by: 'id' | 'code', value: string): Incident | undefined {
  const row = stmt(db, 'SELECT * FROM incidents WHERE id = ?').get(value) as IncidentRow | undefined;
  return row ? fromRow(row) : undefined;
}

export function insertIncident(db: Db, incident: Incident): void {
  const result = stmt(
    db,
    `INSERT INTO incidents (id, client_id, title, description, priority, status, opened_at, created_at, created_by, updated_at, field_versions)
     VALUES (@id, @client_id, @title, @description, @priority, @status, @opened_at, @created_at, @created_by, @updated_at, @field_versions)`,
  ).run(toParams(incident));
  strictAssert(result.changes === 1, 'insertIncident: expected one row');
}

export function updateIncident(db: Db, incident: Incident): void {
  const result = stmt(
    db,
    `UPDATE incidents SET client_id = @client_id, title = @title, description = @description, priority = @priority,
       status = @status, opened_at = @opened_at, updated_at = @updated_at, field_versions = @field_versions
     WHERE id = @id`,
  ).run(toParams(incident));
  strictAssert(result.changes === 1, 'updateIncident: expected one row');
}

export function getIncidentDetail(db: Db, id: string): IncidentDetail | undefined {
  const row = stmt(
    db,
    `SELECT i.*, c.name AS client_name, c.code AS client_code FROM incidents i JOIN clients c ON c.id = i.client_id WHERE i.id = ?`,
  ).get(id) as (IncidentRow & { client_name: string; client_code: string }) | undefined;
  return row ? { ...fromRow(row), clientName: row.client_name, clientCode: row.client_code } : undefined;
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
