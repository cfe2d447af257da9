import type { Kysely } from 'kysely';
import type { Client } from '../../shared/domain/client';
import type { Contract } from '../../shared/domain/contract';
import type { Incident, IncidentStatus, Priority } from '../../shared/domain/incident';
import { fromRecord } from '../../shared/schema/tables';
import type { ServerDatabase } from '../db/schema';

/** One row by a lookup field, mapped through shared/schema/tables.ts (the mutations' reads use it too). */
export { loadRow } from './domainRows';

/** A page of rows ordered by id, after a cursor: `limit` rows and whether more follow. */
export interface IdPage<T> {
  rows: T[];
  hasMore: boolean;
}

export async function pageClients(
  db: Kysely<ServerDatabase>,
  page: { limit: number; cursor?: string | undefined },
): Promise<IdPage<Client>> {
  let q = db
    .selectFrom('clients')
    .selectAll()
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.cursor) q = q.where('id', '>', page.cursor);
  const rows = await q.execute();
  return { rows: rows.slice(0, page.limit).map((r) => fromRecord('clients', r)), hasMore: rows.length > page.limit };
}

export interface IncidentQuery {
  limit: number;
  cursor?: string | undefined;
  clientId?: string | undefined;
  status?: IncidentStatus | undefined;
  priority?: Priority | undefined;
}

export async function pageIncidents(db: Kysely<ServerDatabase>, f: IncidentQuery): Promise<IdPage<Incident>> {
  let q = db
    .selectFrom('incidents')
    .selectAll()
    .orderBy('id')
    .limit(f.limit + 1);
  if (f.cursor) q = q.where('id', '>', f.cursor);
  if (f.clientId) q = q.where('client_id', '=', f.clientId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.priority) q = q.where('priority', '=', f.priority);
  const rows = await q.execute();
  return { rows: rows.slice(0, f.limit).map((r) => fromRecord('incidents', r)), hasMore: rows.length > f.limit };
}

/** Every contract version of a client. */
export async function contractsOfClient(db: Kysely<ServerDatabase>, clientId: string): Promise<Contract[]> {
  const rows = await db.selectFrom('contracts').selectAll().where('client_id', '=', clientId).execute();
  return rows.map((r) => fromRecord('contracts', r));
}

/** An incident's timeline events in the order the SLA clocks replay them. */
export async function incidentTimeline(db: Kysely<ServerDatabase>, incidentId: string) {
  const rows = await db
    .selectFrom('incident_events')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('at')
    .orderBy('hlc')
    .execute();
  return rows.map((r) => fromRecord('incidentEvents', r));
}
