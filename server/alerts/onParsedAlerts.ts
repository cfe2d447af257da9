import type { NormalizedAlert } from '../../shared/alerts/normalized';
import type { Integration } from '../repos/integrations';
import { recordHeartbeat } from './heartbeat';
import { type AlertContext, processAlerts, type ProcessResult } from './process';

/** What the alert processor may use: the store, and the server's one write path (as SYSTEM_ACTOR). */
export type AlertProcessorDeps = AlertContext;

/**
 * The seam between the receivers and the router/dedup processor: called once per parsed delivery
 * (by the process that moved its row to `parsed`, or by the sweep when that process died before it
 * finished). Stamps the integration's heartbeat monitors, then turns the alerts into incidents.
 * Running it twice for one delivery is harmless: dedup by fingerprint sees the first run's state.
 */
export async function onParsedAlerts(
  deps: AlertProcessorDeps,
  integration: Integration,
  alerts: NormalizedAlert[],
): Promise<ProcessResult> {
  await recordHeartbeat(deps, integration.id, deps.now());
  return processAlerts(deps, integration.id, alerts);
}
