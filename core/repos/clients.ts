import type { Client } from '../../shared/domain/client';
import { fromRecord } from '../../shared/schema/tables';
import type { ClientSummary } from '../../shared/contract';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';
import { getRowBy } from './rows';

type ClientRow = Record<string, unknown>;

export function listClients(db: Db, search?: string): ClientSummary[] {
  const pattern = search ? `%${search.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
  const rows = stmt(
    db,
    `SELECT c.*, (SELECT count(*) FROM incident_sla s WHERE s.client_id = c.id AND s.open = 1) AS open_incidents
       FROM clients c
       WHERE @pattern IS NULL OR c.name LIKE @pattern ESCAPE '\\' OR c.code LIKE @pattern ESCAPE '\\'
       ORDER BY c.name COLLATE NOCASE`,
  ).all({ pattern }) as (ClientRow & { open_incidents: number })[];
  return rows.map((r) => ({ ...fromRecord('clients', r), openIncidents: r.open_incidents }));
}

/** Finds a client by id or by code (case-insensitive), as the CLI accepts either. */
export function findClient(db: Db, idOrCode: string): Client | undefined {
  return getRowBy(db, 'clients', 'id', idOrCode) ?? getRowBy(db, 'clients', 'code', idOrCode.trim().toUpperCase());
}

export function countClients(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM clients').get() as { n: number }).n;
}
