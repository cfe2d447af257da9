import type { EventPayload } from '../../shared/contract';
import type { AlertLevel, Notifier } from '../../shared/shell/notifier';
import { logger } from '../log';
import type { RpcTarget } from './engineHost';

const log = logger('sla-alerts');

/** Tables whose changes can move an incident's clocks, so the worst open state. */
const CLOCK_TABLES = new Set(['incidents', 'incidentEvents', 'contracts', 'clients']);

/**
 * Feeds a shell's Notifier from the engine (host): every `sla.alert` becomes `notify`, and the
 * worst open SLA state (red: a breached clock; amber: one at risk; none) is recomputed after each
 * alert and after changes that move clocks, reported through `setLevel` only when it changes.
 * A prepaid threshold (`budget.alert`) becomes `notifyBudget`.
 * Runs next to the engine (the Electron utility process), so the level comes from the engine's
 * own SLA filters rather than from counting alerts, which never say when a clock stops.
 */
export function followSlaAlerts(target: RpcTarget, notifier: Notifier): { settled(): Promise<void>; stop(): void } {
  let level: AlertLevel | null = null;
  let running: Promise<void> = Promise.resolve();
  let again = false;
  let busy = false;

  async function total(sla: 'breached' | 'at_risk'): Promise<number> {
    // Both filters count open incidents only (a closed one's instants are a far-future sentinel).
    const result = await target.call('incidents.list', { sla, limit: 1 });
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as { total: number }).total;
  }

  async function measure(): Promise<AlertLevel> {
    if ((await total('breached')) > 0) return 'red';
    return (await total('at_risk')) > 0 ? 'amber' : 'none';
  }

  /** One measurement at a time; changes during one ask for exactly one more after it. */
  function refresh(): void {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    running = (async () => {
      do {
        again = false;
        try {
          const next = await measure();
          if (next !== level) {
            level = next;
            notifier.setLevel(next);
          }
        } catch (err) {
          // The store may be closed for a restore, or damaged: the tray keeps its last state.
          log.warn({ err }, 'cannot measure the SLA state');
        }
      } while (again);
      busy = false;
    })();
  }

  const unsubscribe = target.subscribe((name, payload) => {
    if (name === 'sla.alert') {
      notifier.notify(payload as EventPayload<'sla.alert'>);
      refresh();
    } else if (name === 'budget.alert') {
      notifier.notifyBudget(payload as EventPayload<'budget.alert'>);
    } else if (name === 'data.changed' && (payload as EventPayload<'data.changed'>).tables.some((t) => CLOCK_TABLES.has(t))) {
      refresh();
    } else if (name === 'store.status') {
      // A restore swaps the whole store.
      refresh();
    }
  });
  refresh();
  return {
    /** Resolves once the measurements asked for so far are done (tests wait on it). */
    async settled() {
      while (busy) await running;
    },
    stop: unsubscribe,
  };
}
