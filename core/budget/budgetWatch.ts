import type { EventPayload } from '../../shared/contract';
import { clientBundle } from '../../shared/billing/clientBundle';
import type { MutationArgs, MutationName } from '../../shared/mutations/index';
import { logger } from '../log';
import { budgetLinesFor, budgetNoticesFor, clientsWithBudgetLines, timeEntriesOfClient } from '../repos/budget';
import { contractsFor } from '../repos/lifecycle';
import { getRowBy } from '../repos/rows';
import type { Db } from '../store/database';

const log = logger('budget-watch');

export type BudgetAlert = EventPayload<'budget.alert'>;

/** Tables whose rows can move a client's bundle: its draws, its ledger, its thresholds. */
const BUNDLE_TABLES = new Set(['timeEntries', 'budgetLines', 'contracts']);

export interface BudgetWatchDeps {
  db: Db;
  now(): number;
  mutate<N extends MutationName>(name: N, args: MutationArgs<N>): { writes: readonly unknown[] };
  emit(alert: BudgetAlert): void;
}

export interface BudgetWatch {
  /** Rows were written (locally or pulled): the clients they belong to are checked at the next `flush`. */
  touched(rows: readonly { table: string; row: Record<string, unknown> | null }[]): void;
  /** Checks the clients touched since the last flush (after the commit that wrote them). */
  flush(): BudgetAlert[];
  /** Starts watching (the running app; the CLI never notifies) and checks every client with a ledger. */
  start(): BudgetAlert[];
  stop(): void;
}

/**
 * Notifies prepaid thresholds once each (docs/billing.md, "Notified thresholds"). After a commit that
 * touched a client's time entries, ledger or contract, the client's bundle is read with the notices
 * stored so far; a threshold newly reached is first stored (`budget.markNotified`, a row whose id
 * every laptop derives alike) and only then announced, so a notice pulled from another laptop
 * silences this one. Several thresholds reached at once are all stored and announced as one alert,
 * the lowest. Runs only in the app (after `start`); at start it checks every client with a ledger,
 * which catches what the CLI logged while the app was closed.
 */
export function createBudgetWatch(deps: BudgetWatchDeps): BudgetWatch {
  const pending = new Set<string>();
  let running = false;

  function check(clientId: string): BudgetAlert | null {
    const client = getRowBy(deps.db, 'clients', 'id', clientId);
    if (!client) return null;
    const bundle = clientBundle({
      lines: budgetLinesFor(deps.db, clientId),
      entries: timeEntriesOfClient(deps.db, clientId),
      contracts: contractsFor(deps.db, clientId),
      nowMs: deps.now(),
      notified: budgetNoticesFor(deps.db, clientId),
    });
    if (!bundle.prepaid || bundle.due.length === 0) return null;
    let wrote = false;
    for (const due of bundle.due) {
      const outcome = deps.mutate('budget.markNotified', {
        clientId,
        purchaseId: bundle.card,
        thresholdPercent: due.thresholdPercent,
        remainingMinutes: bundle.ledger.balanceMinutes,
      });
      wrote ||= outcome.writes.length > 0;
    }
    if (!wrote) return null;
    const lowest = bundle.due.at(-1)!;
    return {
      clientId,
      clientCode: client.code,
      clientName: client.name,
      thresholdPercent: lowest.thresholdPercent,
      remainingMinutes: bundle.ledger.balanceMinutes,
      overrunMinutes: bundle.ledger.overrunMinutes,
    };
  }

  function checkAll(ids: Iterable<string>): BudgetAlert[] {
    const alerts: BudgetAlert[] = [];
    for (const id of ids) {
      try {
        const alert = check(id);
        if (alert) {
          alerts.push(alert);
          deps.emit(alert);
        }
      } catch (err) {
        // No profile yet, a store being restored: the next change checks again.
        log.warn({ err, clientId: id }, 'cannot check the prepaid bundle');
      }
    }
    return alerts;
  }

  return {
    touched(rows) {
      if (!running) return;
      for (const { table, row } of rows) {
        if (BUNDLE_TABLES.has(table) && row && typeof row.clientId === 'string') pending.add(row.clientId);
      }
    },
    flush() {
      const ids = [...pending];
      pending.clear();
      return checkAll(ids);
    },
    start() {
      running = true;
      return checkAll(clientsWithBudgetLines(deps.db));
    },
    stop() {
      running = false;
      pending.clear();
    },
  };
}
