import type { Client } from '../../shared/domain/client';
import type { ClientSummary } from '../../shared/contract';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';
import { strictAssert } from './assert';

interface ClientRow {
  id: string;
  name: string;
  code: string;
  created_at: string;
  created_by: string;
  field_versions: string;
}

function fromRow(r: ClientRow): Client {
  return {
    id: r.id,
    name: r.name,
    code: r.code,
    createdAt: r.created_at,
    createdBy: r.created_by,
    fieldVersions: JSON.parse(r.field_versions) as Client['fieldVersions'],
  };
}

function toParams(c: Client) {
  return {
    id: c.id,
    name: c.name,
    code: c.code,
    created_at: c.createdAt,
    created_by: c.createdBy,
    field_versions: JSON.stringify(c.fieldVersions),
  };
}

export function getClientBy(db: Db, by: 'id' | 'code', value: string): Client | undefined {
  const column = by === 'id' ? 'id' : 'code';
  const row = stmt(db, `SELECT * FROM clients WHERE ${column} = ?`).get(value) as ClientRow | undefined;
  return row ? fromRow(row) : undefined;
}

export function insertClient(db: Db, client: Client): void {
  const result = stmt(
    db,
    `INSERT INTO clients (id, name, code, created_at, created_by, field_versions)
       VALUES (@id, @name, @code, @created_at, @created_by, @field_versions)`,
  ).run(toParams(client));
  strictAssert(result.changes === 1, 'insertClient: expected one row');
}

export function updateClient(db: Db, client: Client): void {
  const result = stmt(db, `UPDATE clients SET name = @name, code = @code, field_versions = @field_versions WHERE id = @id`).run(
    toParams(client),
  );
  strictAssert(result.changes === 1, 'updateClient: expected one row');
}

const OPEN_STATUSES = `('new', 'acknowledged', 'in_progress', 'waiting_on_client')`;

export function listClients(db: Db, search?: string): ClientSummary[] {
  const pattern = search ? `%${search.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
  const rows = stmt(
    db,
    `SELECT c.*, (SELECT count(*) FROM incidents i WHERE i.client_id = c.id AND i.status IN ${OPEN_STATUSES}) AS open_incidents
       FROM clients c
       WHERE @pattern IS NULL OR c.name LIKE @pattern ESCAPE '\\' OR c.code LIKE @pattern ESCAPE '\\'
       ORDER BY c.name COLLATE NOCASE`,
  ).all({ pattern }) as (ClientRow & { open_incidents: number })[];
  return rows.map((r) => ({ ...fromRow(r), openIncidents: r.open_incidents }));
}

/** Finds a client by id or by code (case-insensitive), as the CLI accepts either. */
export function findClient(db: Db, idOrCode: string): Client | undefined {
  return getClientBy(db, 'id', idOrCode) ?? getClientBy(db, 'code', idOrCode.trim().toUpperCase());
}

export function countClients(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM clients').get() as { n: number }).n;
}
