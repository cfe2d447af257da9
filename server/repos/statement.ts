import type { Kysely } from 'kysely';
import type { BudgetLine } from '../../shared/domain/budget';
import type { Category, Priority } from '../../shared/domain/incident';
import type { TimeEntry } from '../../shared/domain/time';
import { fromRecord } from '../../shared/schema/tables';
import type { ServerDatabase } from '../db/schema';

/** What a month statement reads on the office server (shared/billing/statement.ts computes it). */

export async function timeEntriesOfClient(db: Kysely<ServerDatabase>, clientId: string): Promise<TimeEntry[]> {
  const rows = await db.selectFrom('time_entries').selectAll().where('client_id', '=', clientId).orderBy('started_at').orderBy('id').execute();
  return rows.map((r) => fromRecord('timeEntries', r));
}

export async function budgetLinesOfClient(db: Kysely<ServerDatabase>, clientId: string): Promise<BudgetLine[]> {
  const rows = await db.selectFrom('budget_lines').selectAll().where('client_id', '=', clientId).orderBy('day').orderBy('id').execute();
  return rows.map((r) => fromRecord('budgetLines', r));
}

export interface StatementIncident {
  id: string;
  clientId: string;
  title: string;
  category: Category | null;
  priority: Priority;
  openedAt: string;
  status: string;
  updatedAt: string;
}

export async function incidentsOfClient(db: Kysely<ServerDatabase>, clientId: string): Promise<StatementIncident[]> {
  const rows = await db
    .selectFrom('incidents')
    .select(['id', 'client_id', 'title', 'category', 'priority', 'opened_at', 'status', 'updated_at'])
    .where('client_id', '=', clientId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    title: r.title,
    category: (r.category ?? null) as Category | null,
    priority: r.priority as Priority,
    openedAt: r.opened_at,
    status: r.status,
    updatedAt: r.updated_at,
  }));
}

export async function engineerNames(db: Kysely<ServerDatabase>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('engineers').select(['id', 'name']).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
