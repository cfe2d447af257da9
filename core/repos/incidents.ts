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
