import type { Incident } from '../../shared/domain/incident';
import { isOpenStatus, OPEN_STATUSES } from '../../shared/domain/lifecycle';
import { OPEN_SQL } from './lifecycle';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';
import { countTitleMatches, searchCondition, type SearchCondition, type Use } from './search';

export interface IncidentFilter {
  clientId?: string | undefined;
  priorities?: readonly string[] | undefined;
  statuses?: readonly string[] | undefined;
  search?: string | undefined;
  assigneeId?: string | undefined;
  category?: string | undefined;
  scope?: 'support' | 'change_request' | undefined;
  sla?: 'at_risk' | 'breached' | undefined;
  sort: 'sla' | 'priority' | 'opened' | 'updated';
  offset: number;
  limit: number;
}

/** A clock of the incident has breached (with `s.open = 1`; its own index counts it). */
const BREACHED = 's.breached_at <= @now';

const SORTS: Record<IncidentFilter['sort'], string> = {
  // Time to breach: open incidents first, breached ones (due in the past) then the soonest;
  // open ones without a running clock after them; the closed history last.
  sla: 's.open DESC, s.due_at ASC, s.incident_id',
  priority: 'i.priority ASC, i.opened_at ASC, i.id',
  opened: 'i.opened_at DESC, i.id',
  updated: 'i.updated_at DESC, i.id',
};

export type IncidentListRecord = Omit<Incident, 'description' | 'fieldVersions'> & { clientName: string; clientCode: string };
type R = IncidentListRecord;
/** A page row as the query returns it, column by column. */
type ListRow = [
  R['id'],
  R['clientId'],
  R['title'],
  R['priority'],
  R['status'],
  R['openedAt'],
  R['createdAt'],
  R['createdBy'],
  R['updatedAt'],
  R['assigneeId'],
  R['category'],
  R['mergedInto'],
  R['clientName'],
  R['clientCode'],
];

/**
 * The statuses filter as the cache's open flag ("open" or "closed", no incident read) and as a
 * test of the status itself; the flag alone says it all for the default "open" view.
 */
function statusConditions(statuses: readonly string[], params: Record<string, unknown>): { flag: string | null; status: string | null } {
  const open = statuses.map((st) => isOpenStatus(st as Incident['status']));
  const flag = open.every(Boolean) ? 's.open = 1' : open.some(Boolean) ? null : 's.open = 0';
  params.statuses = JSON.stringify(statuses);
  const status = `i.status IN (SELECT value FROM json_each(@statuses))`;
  return { flag, status: flag === 's.open = 1' && OPEN_STATUSES.every((st) => statuses.includes(st)) ? null : status };
}

/**
 * How many incidents match. Reads only the tables the conditions name; a search alone is counted
 * in its own index, and next to other conditions it only filters the rows their indexes find.
 */
function countMatches(db: Db, where: string[], search: SearchCondition | null, params: Record<string, unknown>): number {
  const count = (sql: string) => (stmt(db, sql).get(params) as { n: number }).n;
  // A search alone (among open incidents, when gathered from their index): the gathered matches,
  // with the client's incidents when its name matched.
  if (search?.hits !== undefined && (where.length === 0 || (search.openOnly && where.join() === 's.open = 1'))) {
    if (params.searchClients === undefined) return count('SELECT count(*) AS n FROM temp.search_hits');
    const open = search.openOnly ? ' AND open = 1' : '';
    return count(
      `SELECT count(*) AS n FROM (SELECT rowid FROM temp.search_hits UNION SELECT rowid FROM incident_sla WHERE client_id IN (SELECT value FROM json_each(@searchClients))${open})`,
    );
  }
  const all = search ? [...where, search.sql(where.length ? 'filter' : 'drive')] : where;
  const usesIncidents = all.some((w) => /\bi\./.test(w));
  const usesSla = all.some((w) => /\bs\./.test(w));
  const from = !usesSla ? 'incidents i' : usesIncidents ? 'incident_sla s JOIN incidents i ON i.id = s.incident_id' : 'incident_sla s';
  return count(`SELECT count(*) AS n FROM ${from} ${all.length ? `WHERE ${all.join(' AND ')}` : ''}`);
}

/**
 * Sorted by time to breach, the page can be read by walking an SLA index in order and testing
 * each row (it meets `needed` matches after about needed × walked / total rows), or by fetching
 * every match and sorting (about `total` lookups). The walk stays among the open incidents when
 * the filter says open; otherwise it may cross the whole store.
 */
function shouldWalk(db: Db, total: number, open: (() => number) | null, needed: number): boolean {
  const walked = open ? open() : ((stmt(db, 'SELECT max(rowid) AS n FROM incident_sla').get() as { n: number | null }).n ?? 0);
  return total > 0 && (needed * walked) / total < total;
}

function openCount(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM incident_sla WHERE open = 1').get() as { n: number }).n;
}

/**
 * The open incidents matching a search, gathered from their own index, when they are enough for
 * the page (open incidents sort first) and the matches are the titles' alone (no client's name or
 * code matched, whose incidents the title index can't count); otherwise null.
 */
function openMatchesHoldingPage(db: Db, search: string, params: Record<string, unknown>, filter: IncidentFilter): SearchCondition | null {
  const open = searchCondition(db, search, params, true);
  if (open.hits !== undefined && params.searchClients === undefined && open.hits >= filter.offset + filter.limit) return open;
  delete params.searchClients;
  delete params.search;
  return null;
}

/**
 * One page of the incident list with its total. Filters are bound parameters, never spliced in;
 * the SLA sort and filters read the `incident_sla` cache, so no clock is computed per row here.
 */
export function queryIncidents(
  db: Db,
  filter: IncidentFilter,
  now: number,
  /** Tests force either plan to prove both give the same page. */
  plan?: 'walk' | 'fetch',
): { total: number; offset: number; rows: IncidentListRecord[] } {
  const where = new Set<string>();
  const params: Record<string, unknown> = {};
  if (filter.clientId) {
    where.add('s.client_id = @clientId');
    params.clientId = filter.clientId;
  }
  if (filter.priorities?.length) {
    where.add(`i.priority IN (SELECT value FROM json_each(@priorities))`);
    params.priorities = JSON.stringify(filter.priorities);
  }
  const statuses = filter.statuses?.length ? statusConditions(filter.statuses, params) : null;
  if (filter.assigneeId) {
    where.add('i.assignee_id = @assigneeId');
    params.assigneeId = filter.assigneeId;
  }
  if (filter.category) {
    where.add('i.category = @category');
    params.category = filter.category;
  }
  if (filter.scope === 'change_request') where.add(`i.category = 'new_functionality'`);
  else if (filter.scope === 'support') where.add(`(i.category IS NULL OR i.category <> 'new_functionality')`);
  if (filter.sla === 'breached') {
    // A clock of an open incident has breached, running or since stopped (a closed one's
    // instants are the far-future sentinel).
    where.add('s.open = 1');
    where.add(BREACHED);
    params.now = now;
  } else if (filter.sla === 'at_risk') {
    // Amber now: past the at-risk instant, before the due one (its own index answers it).
    where.add('s.at_risk_at <= @now AND s.due_at > @now');
    params.now = now;
  }
  // Counting can let an incidents index (status with priority, assignee…) answer alone; the page
  // keeps the open flag, which bounds a walk of the SLA index to the open incidents.
  const byIncidents = [...where].some((w) => /\bi\./.test(w));
  const countWhere = [
    ...where,
    ...(statuses ? (byIncidents ? [statuses.status ?? `i.status IN ${OPEN_SQL}`] : [statuses.flag, statuses.status]) : []),
  ];
  for (const c of [statuses?.flag, statuses?.status]) if (c) where.add(c);
  const search = filter.search?.trim();
  // A search alone, sorted by time to breach, lists the open matches first: when those hold the
  // whole page, the page is read among them (their own index is small) and the rest only counted.
  const openFirst = search && filter.sort === 'sla' && where.size === 0 ? openMatchesHoldingPage(db, search, params, filter) : null;
  if (openFirst) where.add('s.open = 1');
  const searchSql = openFirst ?? (search ? searchCondition(db, search, params, where.has('s.open = 1')) : null);
  const conditions = (use: Use) => {
    // Walking the SLA index, the first-breach index must not lead (`+` keeps SQLite off it).
    const own = [...where].map((w) => (use === 'filter' && w === BREACHED ? `+${w}` : w));
    const all = searchSql ? [...own, searchSql.sql(use)] : own;
    return all.length ? `WHERE ${all.join(' AND ')}` : '';
  };
  const total =
    openFirst && search
      ? countTitleMatches(db, search)
      : countMatches(
          db,
          countWhere.filter((c): c is string => Boolean(c)),
          searchSql,
          params,
        );
  let openIncidents: number | undefined;
  const openTotal = () => (openIncidents ??= openCount(db));
  // How many rows the page is read among: the open matches when they hold it, else all matches.
  const among = openFirst?.hits ?? total;
  const walk =
    filter.sort === 'sla' &&
    (plan ? plan === 'walk' : shouldWalk(db, among, where.has('s.open = 1') ? openTotal : null, filter.offset + filter.limit));
  // Fetching the open incidents that match a search: the open ones lead when they are fewer than the matches.
  const searchFollows = !walk && searchSql?.hits !== undefined && where.has('s.open = 1') && searchSql.hits > openTotal();
  // Every incident has its incident_sla row (written in the same transaction as the incident).
  // Walking, an SLA index leads (CROSS JOIN fixes SQLite's join order): the page is read in index
  // order and the scan stops after it. Otherwise SQLite fetches the matches and sorts them.
  const tables = walk
    ? `incident_sla s CROSS JOIN incidents i ON i.id = s.incident_id`
    : `incidents i JOIN incident_sla s ON s.incident_id = i.id`;
  // Rows as arrays, made into records here: better-sqlite3's row objects cost twice as much.
  const rows = (
    stmt(
      db,
      `SELECT i.id, i.client_id, i.title, i.priority, i.status, i.opened_at, i.created_at, i.created_by, i.updated_at, i.assignee_id,
              i.category, i.merged_into, c.name, c.code
       FROM ${tables} JOIN clients c ON c.id = i.client_id ${conditions(walk || searchFollows ? 'filter' : 'drive')}
       ORDER BY ${SORTS[filter.sort]} LIMIT @limit OFFSET @offset`,
    )
      .raw(true)
      .all({ ...params, limit: filter.limit, offset: filter.offset }) as ListRow[]
  ).map((r): IncidentListRecord => ({
    id: r[0],
    clientId: r[1],
    title: r[2],
    priority: r[3],
    status: r[4],
    openedAt: r[5],
    createdAt: r[6],
    createdBy: r[7],
    updatedAt: r[8],
    assigneeId: r[9],
    category: r[10],
    mergedInto: r[11],
    clientName: r[12],
    clientCode: r[13],
  }));
  return { total, offset: filter.offset, rows };
}
