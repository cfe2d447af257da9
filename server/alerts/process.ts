import { v7 as uuidv7 } from 'uuid';
import { type AlertAction, type AlertState, decide } from '../../shared/alerts/decide';
import type { NormalizedAlert } from '../../shared/alerts/normalized';
import { type AlertRoute, priorityFor, routeAlert } from '../../shared/alerts/routing';
import type { AlertSettings } from '../../shared/alerts/settings';
import { alertText } from '../../shared/alerts/text';
import { INCIDENT_DESCRIPTION_MAX, INCIDENT_TITLE_MAX } from '../../shared/domain/incident';
import { toErrorInfo } from '../../shared/errors';
import type { ServerDb } from '../db/connect';
import { logger } from '../log';
import { asSystem, type MutationService, type MutationTx } from '../services/mutations';
import {
  incidentStatus,
  listRoutes,
  loadAlertState,
  openGroupIncident,
  othersFiring,
  platformName,
  readAlertSettings,
  saveAlertState,
} from './repo';

const log = logger('alerts');

/** What alert processing needs from the server. */
export interface AlertContext {
  store: ServerDb;
  mutations: MutationService;
  now: () => number;
}

export type AlertOutcome = 'created' | 'updated' | 'unchanged' | 'unrouted' | 'failed';

export interface ProcessResult {
  outcomes: AlertOutcome[];
  /** Incidents each alert is on afterwards (null when none), in input order. */
  incidentIds: (string | null)[];
}

/** Audited as actor `system`, client id `server-alerts` (server/services/mutations.ts). */
export const ALERTS_ACTING = asSystem('alerts');

/**
 * Turns normalized alerts of one integration into incidents and timeline entries. Each alert is
 * one write transaction: its dedup state row and the mutations it causes commit together, so a
 * crash or a refused mutation never leaves an incident without its state (a redelivery would open
 * a second one) nor a state pointing at nothing. Not one transaction per batch: a storm of 1,000
 * alerts would hold the sync lock (every laptop's push) for the whole storm, and one bad alert
 * would undo the rest. Alerts of one delivery are handled in order; the sync lock serialises them
 * with concurrent deliveries, so an HA pair's twin deliveries see each other's state.
 */
export async function processAlerts(ctx: AlertContext, integrationId: string, alerts: readonly NormalizedAlert[]): Promise<ProcessResult> {
  const routes = await listRoutes(ctx.store.db, integrationId);
  const settings = await readAlertSettings(ctx.store.db);
  const result: ProcessResult = { outcomes: [], incidentIds: [] };
  for (const alert of alerts) {
    try {
      const [outcome, incidentId] = await ctx.mutations.transact(ALERTS_ACTING, (tx) =>
        one(tx, ctx.now(), integrationId, alert, routes, settings),
      );
      result.outcomes.push(outcome);
      result.incidentIds.push(incidentId);
    } catch (err) {
      log.error({ err: toErrorInfo(err), integrationId, fingerprint: alert.fingerprint }, 'alert could not be processed');
      result.outcomes.push('failed');
      result.incidentIds.push(null);
    }
  }
  return result;
}

async function one(
  tx: MutationTx,
  now: number,
  integrationId: string,
  alert: NormalizedAlert,
  routes: AlertRoute[],
  settings: AlertSettings,
): Promise<[AlertOutcome, string | null]> {
  const { trx } = tx;
  const state = await loadAlertState(trx, integrationId, alert.fingerprint);
  const incident = state?.incidentId ? await incidentStatus(trx, state.incidentId) : null;
  const groupIncidentId =
    alert.status === 'firing' && alert.groupKey
      ? await openGroupIncident(trx, integrationId, alert.groupKey, now - settings.groupWindowMs)
      : null;
  const siblingsFiring =
    alert.status === 'resolved' && state?.incidentId ? await othersFiring(trx, state.incidentId, integrationId, alert.fingerprint) : false;
  const routing = routeAlert(routes, alert, settings.defaultClientId);
  const route = routing.kind === 'unrouted' ? null : routing.route;
  const { actions, next } = decide({
    alert,
    state,
    incident,
    groupIncidentId,
    siblingsFiring,
    resolvePolicy: route?.resolvePolicy ?? 'resolve',
    settings,
    now,
  });

  if (actions.some((a) => a.kind === 'create') && !route) {
    log.warn({ integrationId, fingerprint: alert.fingerprint }, 'no route and no default client: alert opens no incident');
    await saveAlertState(trx, integrationId, alert.fingerprint, next);
    return ['unrouted', null];
  }
  let created = false;
  for (const action of actions) {
    if (action.kind === 'create') {
      next.incidentId = await createIncident(tx, integrationId, alert, route!, settings, now);
      created = true;
    } else {
      await act(tx, next, action, alert, settings);
    }
  }
  await saveAlertState(trx, integrationId, alert.fingerprint, next);
  return [created ? 'created' : actions.length ? 'updated' : 'unchanged', next.incidentId];
}

async function act(
  tx: MutationTx,
  state: AlertState,
  action: Exclude<AlertAction, { kind: 'create' }>,
  alert: NormalizedAlert,
  settings: AlertSettings,
) {
  const id = state.incidentId!;
  switch (action.kind) {
    case 'note': {
      const params = { title: titleOf(alert), changes: state.changes.length, minutes: Math.round(settings.flapWindowMs / 60_000) };
      await tx.run('incident.note', { id, body: alertText(settings.noteLanguage, `notes.${action.note}`, params) });
      return;
    }
    case 'resolve':
      await tx.run('incident.setStatus', { id, to: 'resolved' });
      return;
    case 'reopen':
      await tx.run('incident.setStatus', { id, to: 'in_progress' });
      return;
    default: {
      const never: never = action;
      throw new Error(`unknown alert action ${JSON.stringify(never)}`);
    }
  }
}

function titleOf(alert: NormalizedAlert): string {
  const t = alert.title.replace(/\s+/g, ' ').trim();
  return (t || alert.fingerprint).slice(0, INCIDENT_TITLE_MAX);
}

async function createIncident(
  tx: MutationTx,
  integrationId: string,
  alert: NormalizedAlert,
  route: AlertRoute,
  settings: AlertSettings,
  now: number,
): Promise<string> {
  const lang = settings.noteLanguage;
  const platform = route.platformId ? await platformName(tx.trx, route.platformId) : null;
  const text = [alert.annotations.summary, alert.annotations.description, alert.description]
    .map((s) => s?.trim())
    .filter((s, i, all): s is string => !!s && all.indexOf(s) === i);
  const labels = Object.entries(alert.labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const reference = [
    alertText(lang, 'reference', { source: alert.source, integration: integrationId, fingerprint: alert.fingerprint }),
    ...(platform ? [alertText(lang, 'platform', { platform })] : []),
    ...(labels ? [alertText(lang, 'labels', { labels })] : []),
  ];
  const description = [...text, '', ...reference].join('\n').trim().slice(0, INCIDENT_DESCRIPTION_MAX);
  const id = uuidv7();
  const startedAt = Number.isFinite(alert.startsAt) && alert.startsAt > 0 ? Math.min(alert.startsAt, now) : now;
  await tx.run('incident.create', {
    id,
    clientId: route.clientId,
    title: titleOf(alert),
    description,
    priority: priorityFor(route, alert.severity),
    category: 'monitoring',
    openedAt: new Date(startedAt).toISOString(),
  });
  return id;
}
