import type { NormalizedAlert } from '../../shared/alerts/normalized';
import { alertText } from '../../shared/alerts/text';
import type { JobDefinition } from '../jobs/jobs';
import { logger } from '../log';
import { type AlertContext, processAlerts } from './process';
import { type HeartbeatMonitor, listHeartbeatMonitors, markSilent, readAlertSettings, stampHeartbeat } from './repo';

const log = logger('alerts');

/** How often the leader looks for silent monitors. */
export const HEARTBEAT_CHECK_EVERY_MS = 15_000;

/**
 * A silent monitor is an alert like any other, of its integration, with a fingerprint of its own:
 * it is routed, deduplicated and resolved (or annotated) by the same rules (./process.ts).
 */
function heartbeatAlert(m: HeartbeatMonitor, status: 'firing' | 'resolved', at: number, lang: 'nl' | 'en'): NormalizedAlert {
  const duration = (ms: number) => (ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`);
  const lastSeen = m.lastSeenAt === null ? alertText(lang, 'heartbeat.never') : new Date(m.lastSeenAt).toISOString();
  return {
    source: 'generic',
    fingerprint: `heartbeat:${m.id}`,
    status,
    title: alertText(lang, 'heartbeat.title', { integration: m.integrationId }),
    description: alertText(lang, 'heartbeat.description', {
      integration: m.integrationId,
      every: duration(m.everyMs),
      grace: duration(m.graceMs),
      lastSeen,
    }),
    labels: { alertname: 'heartbeat', monitor: m.id },
    annotations: {},
    severity: 'critical',
    startsAt: at,
    endsAt: status === 'resolved' ? at : null,
    groupKey: null,
  };
}

/**
 * The one door for "something arrived from this integration" (the receivers call it on each
 * accepted delivery): stamps the integration's heartbeat monitors, and resolves (or annotates, by
 * route) the incident of any that had gone silent.
 */
export async function recordHeartbeat(ctx: AlertContext, integrationId: string, at: number): Promise<void> {
  const resumed = await stampHeartbeat(ctx.store.db, integrationId, at);
  if (resumed.length === 0) return;
  const { noteLanguage } = await readAlertSettings(ctx.store.db);
  await processAlerts(
    ctx,
    integrationId,
    resumed.map((m) => heartbeatAlert(m, 'resolved', at, noteLanguage)),
  );
}

/** Raises one alert per monitor silent past its interval plus grace; answers how many it raised. */
export async function checkHeartbeats(ctx: AlertContext): Promise<number> {
  const now = ctx.now();
  const { noteLanguage } = await readAlertSettings(ctx.store.db);
  let raised = 0;
  for (const m of await listHeartbeatMonitors(ctx.store.db)) {
    if (m.silent || now - (m.lastSeenAt ?? m.createdAt) <= m.everyMs + m.graceMs) continue;
    // Marked first: a second checker (a lead changing hands) finds it marked and raises nothing.
    if (!(await markSilent(ctx.store.db, m.id))) continue;
    log.warn({ monitor: m.id, integration: m.integrationId }, 'heartbeat monitor is silent');
    await processAlerts(ctx, m.integrationId, [heartbeatAlert(m, 'firing', now, noteLanguage)]);
    raised += 1;
  }
  return raised;
}

/** The leader-run check (server/jobs/jobs.ts): one runner across every server process. */
export function heartbeatJob(ctx: AlertContext): JobDefinition {
  return {
    name: 'alert-heartbeats',
    everyMs: HEARTBEAT_CHECK_EVERY_MS,
    async run() {
      await checkHeartbeats(ctx);
    },
  };
}
