import type { Db } from '../store/database';
import { stmt } from '../store/statements';
import { getMeta, setMeta } from './meta';
import { type TitleIndex, titleMatch } from './titleMatch';
import { foldText } from '../../shared/textFold';
import { writeTransaction } from '../store/transaction';

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

/**
 * Rebuilds the folded text and both indexes from the titles, in one transaction, and resumes
 * row-by-row upkeep. The titles are read and folded once; the indexes are built from the text.
 */
export function rebuildSearchIndex(db: Db): void {
  writeTransaction(db, () => {
    stmt(db, 'DELETE FROM incident_search_text').run();
    stmt(
      db,
      `INSERT INTO incident_search_text (rowid, text) SELECT s.rowid, vangnet_fold(i.title) FROM incident_sla s JOIN incidents i ON i.id = s.incident_id`,
    ).run();
    stmt(db, `INSERT INTO incident_search (incident_search) VALUES ('delete-all')`).run();
    stmt(db, `INSERT INTO incident_search (rowid, title) SELECT rowid, text FROM incident_search_text`).run();
    stmt(db, `INSERT INTO incident_search_open (incident_search_open) VALUES ('delete-all')`).run();
    stmt(
      db,
      `INSERT INTO incident_search_open (rowid, title)
       SELECT x.rowid, x.text FROM incident_search_text x JOIN incident_sla s ON s.rowid = x.rowid WHERE s.open = 1`,
    ).run();
    stmt(db, 'DELETE FROM meta WHERE key = ?').run(DEFERRED);
  });
}

/** How a condition is used: to find rows through an index, or only to filter rows found otherwise. */
export type Use = 'drive' | 'filter';

/** Incidents whose title contains the text, or whose client's name or code does. */
export interface SearchCondition {
  sql(use: Use): string;
  /** How many titles matched (undefined while the indexes are paused and titles are scanned). */
  hits?: number;
  /** The matches were gathered from the open incidents' index: each of them is open. */
  openOnly?: boolean;
}

export function searchCondition(db: Db, search: string, params: Record<string, unknown>, openOnly: boolean): SearchCondition {
  const folded = foldText(search);
  const clientIds = stmt(db, `SELECT id FROM clients WHERE instr(vangnet_fold(name), ?) > 0 OR instr(vangnet_fold(code), ?) > 0`)
    .pluck()
    .all(folded, folded) as string[];
  const byClient = clientIds.length ? ` OR s.client_id IN (SELECT value FROM json_each(@searchClients))` : '';
  if (byClient) params.searchClients = JSON.stringify(clientIds);
  if (isSearchIndexDeferred(db)) {
    // While a bootstrap has paused the indexes (and the folded text), titles are scanned.
    params.search = `%${search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    return { sql: () => `(i.title LIKE @search ESCAPE '\\'${byClient})` };
  }
  // Matching titles come from a trigram index or the folded text (see titleMatch), keyed by the
  // SLA cache's rowid, which every index of the cache carries: testing a match reads no row. The
  // matches are gathered once per query (the count and the page both use them). Among open
  // incidents only, their own (far smaller) index answers.
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
