import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AlertState } from '../../shared/alerts/decide';
import { type AlertRoute, type Matcher, type PriorityMap, type ResolvePolicy } from '../../shared/alerts/routing';
import { ALERT_SETTINGS_DEFAULTS, AlertSettings } from '../../shared/alerts/settings';
import type { IncidentStatus } from '../../shared/domain/incident';
import { OPEN_STATUSES } from '../../shared/domain/lifecycle';
import type { ServerDatabase } from '../db/schema';

/** All SQL of alert routing, dedup state, settings and heartbeat monitors (migration 0017). */
type Db = Kysely<ServerDatabase>;

// PostgreSQL returns bigint columns as strings: every epoch-ms column goes through Number().
const ms = (v: number | string | null): number | null => (v === null ? null : Number(v));

export async function listRoutes(db: Db, integrationId?: string): Promise<AlertRoute[]> {
  let q = db.selectFrom('alert_routes').selectAll();
  if (integrationId !== undefined) q = q.where('integration_id', '=', integrationId);
  const rows = await q.orderBy('integration_id').orderBy('position').execute();
  return rows.map((r) => ({
    id: r.id,
    integrationId: r.integration_id,
    position: Number(r.position),
    matchers: JSON.parse(r.matchers) as Matcher[],
    clientId: r.client_id,
    platformId: r.platform_id,
    priorityMap: JSON.parse(r.priority_map) as PriorityMap,
    resolvePolicy: r.resolve_policy as ResolvePolicy,
  }));
}

/** Adds a route at `position`, or after the integration's last route. */
export async function addRoute(
  db: Db,
  route: Omit<AlertRoute, 'id' | 'position'> & { position?: number },
  now: number,
): Promise<AlertRoute> {
  const last = await db
    .selectFrom('alert_routes')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('integration_id', '=', route.integrationId)
    .executeTakeFirst();
  const position = route.position ?? (last?.p === null || last?.p === undefined ? 1 : Number(last.p) + 1);
  const stored: AlertRoute = { ...route, id: uuidv7(), position };
  await db
    .insertInto('alert_routes')
    .values({
      id: stored.id,
      integration_id: stored.integrationId,
      position,
      matchers: JSON.stringify(stored.matchers),
      client_id: stored.clientId,
      platform_id: stored.platformId,
      priority_map: JSON.stringify(stored.priorityMap),
      resolve_policy: stored.resolvePolicy,
      created_at: now,
    })
    .execute();
  return stored;
}

export async function readAlertSettings(db: Db): Promise<AlertSettings> {
  const rows = await db.selectFrom('alert_settings').selectAll().execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const parsed = AlertSettings.safeParse({ ...ALERT_SETTINGS_DEFAULTS, ...stored });
  return parsed.success ? parsed.data : { ...ALERT_SETTINGS_DEFAULTS };
}

export async function writeAlertSettings(db: Db, patch: Partial<AlertSettings>): Promise<AlertSettings> {
  const next = AlertSettings.parse({ ...(await readAlertSettings(db)), ...patch });
  for (const [key, value] of Object.entries(patch)) {
    await db
      .insertInto('alert_settings')
      .values({ key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
      .execute();
  }
  return next;
}

export async function loadAlertState(db: Db, integrationId: string, fingerprint: string): Promise<AlertState | undefined> {
  const r = await db
    .selectFrom('alert_states')
    .selectAll()
    .where('integration_id', '=', integrationId)
    .where('fingerprint', '=', fingerprint)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    incidentId: r.incident_id,
    status: r.status as AlertState['status'],
    lastChangeAt: Number(r.last_change_at),
    changes: JSON.parse(r.changes) as number[],
    flapping: Number(r.flapping) === 1,
    groupKey: r.group_key,
  };
}

export async function saveAlertState(db: Db, integrationId: string, fingerprint: string, s: AlertState): Promise<void> {
  const values = {
    incident_id: s.incidentId,
    status: s.status,
    last_change_at: s.lastChangeAt,
    changes: JSON.stringify(s.changes),
    flapping: s.flapping ? 1 : 0,
    group_key: s.groupKey,
  };
  await db
    .insertInto('alert_states')
    .values({ integration_id: integrationId, fingerprint, ...values })
    .onConflict((oc) => oc.columns(['integration_id', 'fingerprint']).doUpdateSet(values))
    .execute();
}

export async function incidentStatus(db: Db, id: string): Promise<{ id: string; status: IncidentStatus } | null> {
  const r = await db.selectFrom('incidents').select(['id', 'status']).where('id', '=', id).executeTakeFirst();
  return r ? { id: r.id, status: r.status as IncidentStatus } : null;
}

/** The open incident of a group whose alerts changed since `since`, newest first. */
export async function openGroupIncident(db: Db, integrationId: string, groupKey: string, since: number): Promise<string | null> {
  const r = await db
    .selectFrom('alert_states')
    .innerJoin('incidents', 'incidents.id', 'alert_states.incident_id')
    .select('alert_states.incident_id')
    .where('alert_states.integration_id', '=', integrationId)
    .where('alert_states.group_key', '=', groupKey)
    .where('alert_states.last_change_at', '>=', since)
    .where('incidents.status', 'in', [...OPEN_STATUSES])
    .orderBy('alert_states.last_change_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.incident_id ?? null;
}

/** Whether another alert on the incident still fires. */
export async function othersFiring(db: Db, incidentId: string, integrationId: string, fingerprint: string): Promise<boolean> {
  const r = await db
    .selectFrom('alert_states')
    .select('fingerprint')
    .where('incident_id', '=', incidentId)
    .where('status', '=', 'firing')
    .where((eb) => eb.or([eb('integration_id', '!=', integrationId), eb('fingerprint', '!=', fingerprint)]))
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

export async function clientByIdOrCode(db: Db, idOrCode: string): Promise<{ id: string; name: string } | null> {
  const r = await db
    .selectFrom('clients')
    .select(['id', 'name'])
    .where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode.toUpperCase())]))
    .executeTakeFirst();
  return r ?? null;
}

export async function platformOf(db: Db, clientId: string, idOrName: string): Promise<{ id: string; name: string } | null> {
  const r = await db
    .selectFrom('platforms')
    .select(['id', 'name'])
    .where('client_id', '=', clientId)
    .where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]))
    .executeTakeFirst();
  return r ?? null;
}

export async function platformName(db: Db, id: string): Promise<string | null> {
  const r = await db.selectFrom('platforms').select('name').where('id', '=', id).executeTakeFirst();
  return r?.name ?? null;
}

export interface HeartbeatMonitor {
  id: string;
  integrationId: string;
  everyMs: number;
  graceMs: number;
  createdAt: number;
  lastSeenAt: number | null;
  silent: boolean;
}

export async function addHeartbeatMonitor(
  db: Db,
  m: Pick<HeartbeatMonitor, 'integrationId' | 'everyMs' | 'graceMs'>,
  now: number,
): Promise<HeartbeatMonitor> {
  const monitor: HeartbeatMonitor = { ...m, id: uuidv7(), createdAt: now, lastSeenAt: null, silent: false };
  await db
    .insertInto('heartbeat_monitors')
    .values({
      id: monitor.id,
      integration_id: m.integrationId,
      every_ms: m.everyMs,
      grace_ms: m.graceMs,
      created_at: now,
      last_seen_at: null,
      silent: 0,
    })
    .execute();
  return monitor;
}

export async function listHeartbeatMonitors(db: Db, integrationId?: string): Promise<HeartbeatMonitor[]> {
  let q = db.selectFrom('heartbeat_monitors').selectAll();
  if (integrationId !== undefined) q = q.where('integration_id', '=', integrationId);
  const rows = await q.orderBy('created_at').execute();
  return rows.map((r) => ({
    id: r.id,
    integrationId: r.integration_id,
    everyMs: Number(r.every_ms),
    graceMs: Number(r.grace_ms),
    createdAt: Number(r.created_at),
    lastSeenAt: ms(r.last_seen_at),
    silent: Number(r.silent) === 1,
  }));
}

/** Stamps a delivery on the integration's monitors; answers those that were silent until now. */
export async function stampHeartbeat(db: Db, integrationId: string, at: number): Promise<HeartbeatMonitor[]> {
  const monitors = await listHeartbeatMonitors(db, integrationId);
  await db
    .updateTable('heartbeat_monitors')
    .set({ last_seen_at: at, silent: 0 })
    .where('integration_id', '=', integrationId)
    .where((eb) => eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<', at)]))
    .execute();
  return monitors.filter((m) => m.silent);
}

/** Marks a monitor silent, only if it was not already (so two checkers raise it once). */
export async function markSilent(db: Db, id: string): Promise<boolean> {
  const r = await db.updateTable('heartbeat_monitors').set({ silent: 1 }).where('id', '=', id).where('silent', '=', 0).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
