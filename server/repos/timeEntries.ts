import type { Kysely } from 'kysely';
import { MAX_ENTRY_MINUTES } from '../../shared/billing/rounding';
import type { BudgetNotice } from '../../shared/domain/budgetNotice';
import type { ChangeRequest, ChangeRequestStatus } from '../../shared/domain/changeRequest';
import type { TimeEntry } from '../../shared/domain/time';
import { fromRecord } from '../../shared/schema/tables';
import type { ServerDatabase } from '../db/schema';

/** What the REST API reads of time entries, change requests and budget notices (writes are mutations). */

export interface TimeEntryQuery {
  fromIso: string;
  toIso: string;
  clientId?: string;
  engineerId?: string;
  limit: number;
}

/** Entries starting in [fromIso, toIso), by client and/or engineer, oldest first; `truncated` when more matched. */
export async function listTimeEntries(db: Kysely<ServerDatabase>, q: TimeEntryQuery): Promise<{ entries: TimeEntry[]; truncated: boolean }> {
  let query = db
    .selectFrom('time_entries')
    .selectAll()
    .where('started_at', '>=', q.fromIso)
    .where('started_at', '<', q.toIso);
  if (q.clientId !== undefined) query = query.where('client_id', '=', q.clientId);
  if (q.engineerId !== undefined) query = query.where('engineer_id', '=', q.engineerId);
  const rows = await query.orderBy('started_at').orderBy('id').limit(q.limit + 1).execute();
  return { entries: rows.slice(0, q.limit).map((r) => fromRecord('timeEntries', r)), truncated: rows.length > q.limit };
}

/** The engineer's running timer (the newest, should offline starts have left two), or undefined. */
export async function runningTimerOf(db: Kysely<ServerDatabase>, engineerId: string): Promise<TimeEntry | undefined> {
  const row = await db
    .selectFrom('time_entries')
    .selectAll()
    .where('running_for', '=', engineerId)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? fromRecord('timeEntries', row) : undefined;
}

/** The ids of the engineer's other entries overlapping [startIso, endIso): a warning, as on the laptop. */
export async function overlapsOf(db: Kysely<ServerDatabase>, entry: TimeEntry): Promise<string[]> {
  const earliest = new Date(Date.parse(entry.startedAt) - MAX_ENTRY_MINUTES * 60_000).toISOString();
  const end = entry.endedAt ?? entry.startedAt;
  const rows = await db
    .selectFrom('time_entries')
    .select('id')
    .where('engineer_id', '=', entry.engineerId)
    .where('started_at', '>=', earliest)
    .where('started_at', '<', end)
    .where('id', '<>', entry.id)
    .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', entry.startedAt)]))
    .orderBy('started_at')
    .orderBy('id')
    .limit(100)
    .execute();
  return rows.map((r) => r.id);
}

export async function budgetNoticesOf(db: Kysely<ServerDatabase>, clientId: string): Promise<BudgetNotice[]> {
  const rows = await db.selectFrom('budget_notices').selectAll().where('client_id', '=', clientId).execute();
  return rows.map((r) => fromRecord('budgetNotices', r));
}

/** Change requests with their tickets' titles, newest status change first, by client and/or status. */
export async function listChangeRequests(
  db: Kysely<ServerDatabase>,
  f: { clientId?: string; status?: ChangeRequestStatus; limit: number },
): Promise<(ChangeRequest & { title: string })[]> {
  let query = db
    .selectFrom('change_requests')
    .leftJoin('incidents', 'incidents.id', 'change_requests.incident_id')
    .selectAll('change_requests')
    .select('incidents.title as ticket_title');
  if (f.clientId !== undefined) query = query.where('change_requests.client_id', '=', f.clientId);
  if (f.status !== undefined) query = query.where('change_requests.status', '=', f.status);
  const rows = await query.orderBy('change_requests.status_at', 'desc').orderBy('change_requests.id').limit(f.limit).execute();
  return rows.map(({ ticket_title, ...r }) => ({ ...fromRecord('changeRequests', r), title: ticket_title ?? '' }));
}
