import { z } from 'zod';
import { Priority } from '../domain/incident';
import { StoreStatus } from '../storeHealth';
import { IdleQuestion } from './idle';
import { SyncStatus } from './sync';

/** Events the engine pushes; the UI re-reads what changed. */
export const events = {
  'data.changed': z.object({ tables: z.array(z.string()) }),
  'sync.status': SyncStatus,
  /** The store was found damaged, backed up or restored. */
  'store.status': StoreStatus,
  /**
   * A clock just turned amber or red: the scheduler's moments. The shells notify through the
   * Notifier seam (shared/shell/notifier.ts): Electron natively with the tray, the web host as a banner.
   */
  'sla.alert': z.object({
    incidentId: z.string(),
    title: z.string(),
    clientCode: z.string(),
    priority: Priority,
    kind: z.enum(['at_risk', 'breached']),
    at: z.string(),
  }),
  /** The machine was idle past the team's threshold while the timer ran, and input came back: ask. */
  'time.idle': IdleQuestion,
  /**
   * A prepaid bundle reached a threshold (e.g. 10 % left) for the first time in its purchase era; the
   * engine stored the notice first (`budget.markNotified`), so it is said once across laptops that
   * have synced. The shells notify through the Notifier seam, like `sla.alert`.
   */
  'budget.alert': z.object({
    clientId: z.string(),
    clientCode: z.string(),
    clientName: z.string(),
    thresholdPercent: z.number().int(),
    /** What is left, in minutes (0 or less: nothing left). */
    remainingMinutes: z.number().int(),
    overrunMinutes: z.number().int(),
  }),
  /**
   * Not the engine's: the shell asks the UI to show an incident (its SLA notification was clicked).
   * The preload raises it under Electron; the web host's banner opens the incident itself.
   */
  'shell.openIncident': z.object({ incidentId: z.string() }),
} as const;
