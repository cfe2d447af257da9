import type { EventPayload } from '../contract';

/**
 * The Notifier seam (STYLE.md, platform seams): how an SLA alert reaches the engineer. The engine
 * emits `sla.alert`; each shell renders it its own way — Electron main as a native notification
 * plus the tray's state (electron/main/notifier.ts), the web host as an in-page banner
 * (renderer/src/components/SlaAlertBanner.tsx), tests by recording (`recordingNotifier` below).
 * Type-only imports here, so the renderer and the preload can use it without pulling in zod.
 */
export type SlaAlert = EventPayload<'sla.alert'>;
/** A prepaid threshold reached (`budget.alert`): a native notification under Electron (./budgetAlertText.ts). */
export type BudgetAlert = EventPayload<'budget.alert'>;

/** The worst SLA state among open incidents right now: what the tray shows. */
export const ALERT_LEVELS = ['none', 'amber', 'red'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

export interface Notifier {
  /** A clock just turned amber (at risk) or red (breached). Called once per transition. */
  notify(alert: SlaAlert): void;
  /** The worst open state changed. */
  setLevel(level: AlertLevel): void;
  /** A prepaid bundle reached a threshold; the engine says each once (docs/billing.md, "Notified thresholds"). */
  notifyBudget(alert: BudgetAlert): void;
}

/** The testing implementation: remembers every call, in order. */
export function recordingNotifier(): Notifier & { alerts: SlaAlert[]; levels: AlertLevel[]; budgets: BudgetAlert[] } {
  const alerts: SlaAlert[] = [];
  const levels: AlertLevel[] = [];
  const budgets: BudgetAlert[] = [];
  return {
    alerts,
    levels,
    budgets,
    notify: (alert) => alerts.push(alert),
    setLevel: (level) => levels.push(level),
    notifyBudget: (alert) => budgets.push(alert),
  };
}
