import type { Db } from '../store/database';
import { stmt } from '../store/statements';
import { getMeta, setMeta } from './meta';
import { type TitleIndex, titleMatch } from './titleMatch';

/**
 * The title search: its indexes and how the incident list matches against them.
 *
 * The indexes (`incident_search`, and `incident_search_open` for open incidents; migration 0004)
 * are kept in step row by row by triggers. A bulk pull (a new laptop's bootstrap) defers them
 * instead and rebuilds them once at the end: one statement over 100k titles costs a fraction of
 * 100k trigger runs. While deferred, the list searches titles by scanning them, so results stay
 * right, only slower.
 */
const DEFERRED = 'search.deferred';

export function deferSearchIndex(db: Db): void {
  setMeta(db, DEFERRED, '1');
}

export function isSearchIndexDeferred(db: Db): boolean {
  return getMeta(db, DEFERRED) !== undefined;
}

/** Rebuilds both indexes and the folded text from the titles, in one transaction, and resumes row-by-row upkeep. */
export function rebuildSearchIndex(db: Db): void {
  db.transaction(() => {
    const titles = `SELECT s.rowid, i.title FROM incident_sla s JOIN incidents i ON i.id = s.incident_id`;
    stmt(db, `INSERT INTO incident_search (incident_search) VALUES ('delete-all')`).run();
    stmt(db, `INSERT INTO incident_search (rowid, title) ${titles}`).run();
    stmt(db, `INSERT INTO incident_search_open (incident_search_open) VALUES ('delete-all')`).run();
    stmt(db, `INSERT INTO incident_search_open (rowid, title) ${titles} WHERE s.open = 1`).run();
    stmt(db, 'DELETE FROM incident_search_text').run();
    stmt(
      db,
      `INSERT INTO incident_search_text (rowid, text) SELECT s.rowid, vangnet_fold(i.title) FROM incident_sla s JOIN incidents i ON i.id = s.incident_id`,
    ).run();
    stmt(db, 'DELETE FROM meta WHERE key = ?').run(DEFERRED);
  })();
}

/** How a condition is used: to find rows through an index, or only to filter rows found otherwise. */
export type Use = 'drive' | 'filter';

/** Incidents whose title contains the text, or whose client's name or code does. */
export interface SearchCondition {
  sql(use: Use): string;
  /** How many titles matched in the full-text index (undefined when the titles were scanned). */
  hits?: number;
  /** The matches were gathered from the open incidents' index: each of them is open. */
  openOnly?: boolean;
}

export function searchCondition(db: Db, search: string, params: Record<string, unknown>, openOnly: boolean): SearchCondition {
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
  // Matching titles come from a trigram index (see titleMatch), keyed by the SLA cache's rowid,
  // which every index of the cache carries: testing a match reads no row. The matches are
  // gathered once per query (the count and the page both use them). Among open incidents only,
  // their own (far smaller) index answers.
  const hits = gatherMatches(db, openOnly ? 'incident_search_open' : 'incident_search', search);
  // `+` keeps SQLite from driving with the match set when another index should lead.
  return { hits, openOnly, sql: (use) => `(${use === 'filter' ? '+' : ''}s.rowid IN temp.search_hits${byClient})` };
}

const withHitsTable = new WeakSet<Db>();

/** The rowids of titles containing the text, into this connection's temporary `search_hits`. */
function gatherMatches(db: Db, index: TitleIndex, text: string): number {
  if (!withHitsTable.has(db)) {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS search_hits (rowid INTEGER PRIMARY KEY)');
    withHitsTable.add(db);
  }
  stmt(db, 'DELETE FROM temp.search_hits').run();
  const match = titleMatch(db, index, text);
  return stmt(db, `INSERT INTO temp.search_hits ${match.sql}`).run(...match.params).changes;
}

/** How many titles of all incidents contain the text, counted without gathering them. */
export function countTitleMatches(db: Db, text: string): number {
  const match = titleMatch(db, 'incident_search', text);
  return (stmt(db, `SELECT count(*) AS n FROM (${match.sql})`).get(...match.params) as { n: number }).n;
}
