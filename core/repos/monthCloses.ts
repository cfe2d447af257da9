import type { MonthClose } from '../../shared/domain/monthClose';
import { MONTH_LIST_MAX } from '../../shared/contract/month';
import { fromRecord } from '../../shared/schema/tables';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';

const rows = (records: unknown[]): MonthClose[] => (records as Record<string, unknown>[]).map((r) => fromRecord('monthCloses', r));

/** The month rows of one client, or of every client, newest month first (bounded). */
export function listMonthCloses(db: Db, clientId?: string): MonthClose[] {
  if (clientId !== undefined)
    return rows(stmt(db, 'SELECT * FROM month_closes WHERE client_id = ? ORDER BY month DESC, id LIMIT ?').all(clientId, MONTH_LIST_MAX));
  return rows(stmt(db, 'SELECT * FROM month_closes ORDER BY month DESC, id LIMIT ?').all(MONTH_LIST_MAX));
}

/** The closed months of the given clients, by client: what a list marks its entries locked with. */
export function closedMonthsByClient(db: Db, clientIds: readonly string[]): Map<string, MonthClose[]> {
  const out = new Map<string, MonthClose[]>();
  const read = stmt(db, 'SELECT * FROM month_closes WHERE client_id = ? AND closed = 1 ORDER BY month DESC, id LIMIT ?');
  for (const id of new Set(clientIds)) out.set(id, rows(read.all(id, MONTH_LIST_MAX)));
  return out;
}
