import type { BillingTimeEntry } from '../../shared/billing/clientBundle';
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

/**
 * A client's entries with only what billing reads (a statement over 10,000 entries spent a third
 * of its time decoding and converting the columns it never uses, `field_versions` above all).
 */
export function billingEntriesOfClient(db: Db, clientId: string): BillingTimeEntry[] {
  const rows = stmt(
    db,
    `SELECT id, engineer_id AS engineerId, incident_id AS incidentId, started_at AS startedAt, ended_at AS endedAt, billable, scope
     FROM time_entries WHERE client_id = ? ORDER BY started_at, id`,
  ).all(clientId) as (Omit<BillingTimeEntry, 'billable'> & { billable: number })[];
  for (const r of rows) (r as unknown as BillingTimeEntry).billable = r.billable === 1;
  return rows as unknown as BillingTimeEntry[];
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
