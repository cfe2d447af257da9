import type { BudgetLine } from '../../shared/domain/budget';
import type { BudgetNotice } from '../../shared/domain/budgetNotice';
import type { TimeEntry } from '../../shared/domain/time';
import { fromRecord } from '../../shared/schema/tables';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';

/** Reads for the prepaid bundle: a client's ledger lines and every time entry of the client. */

export function budgetLinesFor(db: Db, clientId: string): BudgetLine[] {
  const records = stmt(db, 'SELECT * FROM budget_lines WHERE client_id = ? ORDER BY day, id').all(clientId) as Record<string, unknown>[];
  return records.map((r) => fromRecord('budgetLines', r));
}

export function timeEntriesOfClient(db: Db, clientId: string): TimeEntry[] {
  const records = stmt(db, 'SELECT * FROM time_entries WHERE client_id = ? ORDER BY started_at, id').all(clientId) as Record<
    string,
    unknown
  >[];
  return records.map((r) => fromRecord('timeEntries', r));
}

/** The thresholds notified for a client, every era, oldest first. */
export function budgetNoticesFor(db: Db, clientId: string): BudgetNotice[] {
  const records = stmt(db, 'SELECT * FROM budget_notices WHERE client_id = ? ORDER BY notified_at, id').all(clientId) as Record<
    string,
    unknown
  >[];
  return records.map((r) => fromRecord('budgetNotices', r));
}

/** Every client with at least one prepaid ledger line: the ones a bundle threshold can concern. */
export function clientsWithBudgetLines(db: Db): string[] {
  return stmt(db, 'SELECT DISTINCT client_id FROM budget_lines ORDER BY client_id').pluck().all() as string[];
}
