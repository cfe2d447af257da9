import type { EventPayload } from '../../shared/contract';
import { logger } from '../log';
import { nextSlaMoment, slaMomentsBetween } from '../repos/lifecycle';
import type { Db } from '../store/database';

const log = logger('sla-scheduler');

/** Never sleep longer than this: wall clocks jump (sleep, NTP), and a late timer must catch up. */
const MAX_SLEEP_MS = 60_000;

/**
 * Turns the SLA cache's instants into `sla.alert` events: a clock turning amber (at risk) or red
 * (breached). It sleeps until the next instant, and after the machine wakes it catches up on
 * every instant it slept through — the alarm must not be lost because the lid was closed.
 */
export function createSlaScheduler(deps: { db: Db; now: () => number; emit(alert: EventPayload<'sla.alert'>): void }) {
  let lastCheck = deps.now();
  let timer: NodeJS.Timeout | undefined;
  let running = false;

  function check(): void {
    const now = deps.now();
    if (now > lastCheck) {
      for (const m of slaMomentsBetween(deps.db, lastCheck, now)) {
        deps.emit({
          incidentId: m.incidentId,
          title: m.title,
          clientCode: m.clientCode,
          priority: m.priority,
          kind: m.kind,
          at: new Date(m.at).toISOString(),
        });
      }
      lastCheck = now;
    }
    schedule();
  }

  function schedule(): void {
    clearTimeout(timer);
    if (!running) return;
    const next = nextSlaMoment(deps.db, lastCheck);
    const delay = next === null ? MAX_SLEEP_MS : Math.min(Math.max(next - deps.now(), 0) + 5, MAX_SLEEP_MS);
    timer = setTimeout(() => {
      try {
        check();
      } catch (err) {
        log.error({ err }, 'SLA check failed');
        schedule();
      }
    }, delay);
  }

  return {
    start(): void {
      running = true;
      lastCheck = deps.now();
      schedule();
    },
    /** The cache changed (a new incident, a status change): the next instant may be sooner. */
    reschedule(): void {
      if (running) schedule();
    },
    /** Runs a check now (after the machine wakes, and in tests). */
    check,
    stop(): void {
      running = false;
      clearTimeout(timer);
    },
  };
}
