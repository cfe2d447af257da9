import type { Incident } from '../../shared/domain/incident';
import { isOpenStatus, OPEN_STATUSES } from '../../shared/domain/lifecycle';
import { OPEN_SQL } from './lifecycle';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';
import { isSearchIndexDeferred } from './search';

export interface IncidentFilter {
  clientId?: string | undefined;
  priorities?: readonly string[] | undefined;
  statuses?: readonly string[] | undefined;
  search?: string | undefined;
  assigneeId?: string | undefined;
  category?: string | undefined;
  sla?: 'at_risk' | 'breached' | undefined;
  sort: 'sla' | 'priority' | 'opened' | 'updated';
  offset: number;
  limit: number;
}

const SORTS: Record<IncidentFilter['sort'], string> = {
  // Time to breach: open incidents first, breached ones (due in the past) then the soonest;
  // open ones without a running clock after them; the closed history last.
  sla: 's.open DESC, s.due_at ASC, s.incident_id',
  priority: 'i.priority ASC, i.opened_at ASC, i.id',
  opened: 'i.opened_at DESC, i.id',
  updated: 'i.updated_at DESC, i.id',
};

export type IncidentListRecord = Omit<Incident, 'description' | 'fieldVersions'> & { clientName: string; clientCode: string };

/** How a condition is used: to find rows through an index, or only to filter rows found otherwise. */
type Use = 'drive' | 'filter';

/** Incidents whose title contains the text, or whose client's name or code does. */
interface SearchCondition {
  sql(use: Use): string;
  /** How many titles matched in the full-text index (undefined when the titles were scanned). */
  hits?: number;
}

function searchCondition(db: Db, search: string, params: Record<string, unknown>, openOnly: boolean): SearchCondition {
  const like = `%${search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const clientIds = (
    stmt(db, `SELECT id FROM clients WHERE name LIKE ? ESCAPE '\\' OR code LIKE ? ESCAPE '\\'`).all(like, like) as { id: string }[]
  ).map((r) => r.id);
  const byClient = clientIds.length ? ` OR s.client_id IN (SELECT value FROM json_each(@searchClients))` : '';
  if (byClient) params.searchClients = JSON.stringify(clientIds);
  if ([...search].length < 3 || isSearchIndexDeferred(db)) {
    // Trigrams need three characters: shorter text scans the titles (as does any search while a
    // bootstrap has paused the index).
    params.search = like;
    return { sql: () => `(i.title LIKE @search ESCAPE '\\'${byClient})` };
  }
  // A quoted phrase of trigrams is exactly a substring match. The index is keyed by the SLA
  // cache's rowid, which every index of the cache carries: testing a match reads no row. The
  // matches are gathered once per query (the count and the page both use them).
  // Among open incidents only, their own (far smaller) index answers.
  const hits = gatherMatches(db, openOnly ? 'incident_search_open' : 'incident_search', `"${search.replaceAll('"', '""')}"`);
  // `+` keeps SQLite from driving with the match set when another index should lead.
  return { hits, sql: (use) => `(${use === 'filter' ? '+' : ''}s.rowid IN temp.search_hits${byClient})` };
}

const withHitsTable = new WeakSet<Db>();

/** The rowids matching a full-text phrase, into this connection's temporary `search_hits`. */
function gatherMatches(db: Db, index: 'incident_search' | 'incident_search_open', phrase: string): number {
  if (!withHitsTable.has(db)) {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS search_hits (rowid INTEGER PRIMARY KEY)');
    withHitsTable.add(db);
  }
  stmt(db, 'DELETE FROM temp.search_hits').run();
  return stmt(db, `INSERT INTO temp.search_hits SELECT rowid FROM ${index} WHERE ${index} MATCH ?`).run(phrase).changes;
}

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
  if (search?.hits !== undefined && where.length === 0) {
    // A search alone: the gathered matches, with the client's incidents when its name matched.
    if (params.searchClients === undefined) return count('SELECT count(*) AS n FROM temp.search_hits');
    return count(
      `SELECT count(*) AS n FROM (SELECT rowid FROM temp.search_hits UNION SELECT rowid FROM incident_sla WHERE client_id IN (SELECT value FROM json_each(@searchClients)))`,
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
function shouldWalk(db: Db, total: number, openOnly: boolean, needed: number): boolean {
  const walked = openOnly ? openCount(db) : ((stmt(db, 'SELECT max(rowid) AS n FROM incident_sla').get() as { n: number | null }).n ?? 0);
  return total > 0 && (needed * walked) / total < total;
}

function openCount(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM incident_sla WHERE open = 1').get() as { n: number }).n;
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
  if (filter.sla === 'breached') {
    // Only open incidents run clocks (a closed one's instants are the far-future sentinel).
    where.add('s.open = 1');
    where.add('s.due_at <= @now');
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
  const searchSql = search ? searchCondition(db, search, params, where.has('s.open = 1')) : null;
  const conditions = (use: Use) => {
    const all = searchSql ? [...where, searchSql.sql(use)] : [...where];
    return all.length ? `WHERE ${all.join(' AND ')}` : '';
  };
  const total = countMatches(
    db,
    countWhere.filter((c): c is string => Boolean(c)),
    searchSql,
    params,
  );
  const walk =
    filter.sort === 'sla' && (plan ? plan === 'walk' : shouldWalk(db, total, where.has('s.open = 1'), filter.offset + filter.limit));
  // Fetching the open incidents that match a search: the open ones lead when they are fewer than the matches.
  const searchFollows = !walk && searchSql?.hits !== undefined && where.has('s.open = 1') && searchSql.hits > openCount(db);
  // Every incident has its incident_sla row (written in the same transaction as the incident).
  // Walking, an SLA index leads (CROSS JOIN fixes SQLite's join order): the page is read in index
  // order and the scan stops after it. Otherwise SQLite fetches the matches and sorts them.
  const tables = walk
    ? `incident_sla s CROSS JOIN incidents i ON i.id = s.incident_id`
    : `incidents i JOIN incident_sla s ON s.incident_id = i.id`;
  const rows = stmt(
    db,
    `SELECT i.id, i.client_id, i.title, i.priority, i.status, i.opened_at, i.created_at, i.created_by, i.updated_at, i.assignee_id, i.category,
            c.name AS client_name, c.code AS client_code
     FROM ${tables} JOIN clients c ON c.id = i.client_id ${conditions(walk || searchFollows ? 'filter' : 'drive')}
     ORDER BY ${SORTS[filter.sort]} LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: filter.limit, offset: filter.offset }) as (Record<string, unknown> & {
    client_name: string;
    client_code: string;
  })[];
  return {
    total,
    offset: filter.offset,
    rows: rows.map((r) => ({
      id: r.id as string,
      clientId: r.client_id as string,
      title: r.title as string,
      priority: r.priority as Incident['priority'],
      status: r.status as Incident['status'],
      openedAt: r.opened_at as string,
      createdAt: r.created_at as string,
      createdBy: r.created_by as string,
      updatedAt: r.updated_at as string,
      assigneeId: (r.assignee_id as string | null) ?? null,
      category: (r.category as Incident['category']) ?? null,
      clientName: r.client_name,
      clientCode: r.client_code,
    })),
  };
}
