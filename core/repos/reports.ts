import type { Category } from '../../shared/domain/incident';
import type { Contract } from '../../shared/domain/contract';
import type { TimeEntry } from '../../shared/domain/time';
import { fromRecord } from '../../shared/schema/tables';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';

/** Reads for the Reports room: time entries of a span, the categories of their incidents, contracts by client. */

export function timeEntriesBetween(db: Db, fromIso: string, toIso: string, clientId?: string): TimeEntry[] {
  const sql =
    clientId === undefined
      ? 'SELECT * FROM time_entries WHERE started_at >= @fromIso AND started_at < @toIso ORDER BY started_at, id'
      : 'SELECT * FROM time_entries WHERE client_id = @clientId AND started_at >= @fromIso AND started_at < @toIso ORDER BY started_at, id';
  const records = stmt(db, sql).all({ fromIso, toIso, ...(clientId === undefined ? {} : { clientId }) }) as Record<string, unknown>[];
  return records.map((r) => fromRecord('timeEntries', r));
}

/** The category of each incident in `ids` that exists (null while unsorted). */
export function incidentCategories(db: Db, ids: readonly string[]): Map<string, Category | null> {
  const found = new Map<string, Category | null>();
  const select = stmt(db, 'SELECT category FROM incidents WHERE id = ?');
  for (const id of ids) {
    const row = select.get(id) as { category: Category | null } | undefined;
    if (row) found.set(id, row.category);
  }
  return found;
}

export function allContractsByClient(db: Db): Map<string, Contract[]> {
  const records = stmt(db, 'SELECT * FROM contracts ORDER BY effective_from DESC, created_at DESC').all() as Record<string, unknown>[];
  const byClient = new Map<string, Contract[]>();
  for (const c of records.map((r) => fromRecord('contracts', r))) {
    const list = byClient.get(c.clientId);
    if (list) list.push(c);
    else byClient.set(c.clientId, [c]);
  }
  return byClient;
}

/** Clients with prepaid ledger lines. */
export function clientIdsWithBudgetLines(db: Db): string[] {
  return (stmt(db, 'SELECT DISTINCT client_id FROM budget_lines ORDER BY client_id').all() as { client_id: string }[]).map(
    (r) => r.client_id,
  );
}
