import type { NormalizedAlert } from '../../shared/alerts/normalized';
import type { ServerDb } from '../db/connect';
import type { Integration } from '../repos/integrations';
import type { MutationService } from '../services/mutations';

/** What the alert processor may use: the store, and the server's one write path (as SYSTEM_ACTOR). */
export interface AlertProcessorDeps {
  store: ServerDb;
  mutations: MutationService;
  now: () => number;
}

/**
 * The seam between the receivers and the router/dedup processor (issue 12, helper E2): called once
 * per delivery, after its row moved from `received` to `parsed` — exactly once across every server
 * process, since only the one that moved the row calls it. The processor turns the alerts into
 * incident mutations and marks the row `processed` (or `failed`). Until it is merged, parsed rows
 * stay `parsed` and are listed by `vangnet-server admin inbox --status parsed`.
 */
export async function onParsedAlerts(
  _deps: AlertProcessorDeps,
  _integration: Integration,
  _alerts: NormalizedAlert[],
  _inboxId: string,
): Promise<void> {
  // The router/dedup processor is called here (helper E2's work, merged later).
}
