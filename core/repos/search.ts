import type { Db } from '../store/database';
import { stmt } from '../store/statements';
import { getMeta, setMeta } from './meta';

/**
 * The title search indexes (`incident_search`, and `incident_search_open` for open incidents;
 * migration 0004) are kept in step row by row by
 * triggers. A bulk pull (a new laptop's bootstrap) defers it instead and rebuilds it once at the
 * end: one statement over 100k titles costs a fraction of 100k trigger runs. While deferred, the
 * list searches titles by scanning them, so results stay right, only slower.
 */
const DEFERRED = 'search.deferred';

export function deferSearchIndex(db: Db): void {
  setMeta(db, DEFERRED, '1');
}

export function isSearchIndexDeferred(db: Db): boolean {
  return getMeta(db, DEFERRED) !== undefined;
}

/** Rebuilds both indexes from the titles, in one transaction, and resumes row-by-row upkeep. */
export function rebuildSearchIndex(db: Db): void {
  db.transaction(() => {
    const titles = `SELECT s.rowid, i.title FROM incident_sla s JOIN incidents i ON i.id = s.incident_id`;
    stmt(db, `INSERT INTO incident_search (incident_search) VALUES ('delete-all')`).run();
    stmt(db, `INSERT INTO incident_search (rowid, title) ${titles}`).run();
    stmt(db, `INSERT INTO incident_search_open (incident_search_open) VALUES ('delete-all')`).run();
    stmt(db, `INSERT INTO incident_search_open (rowid, title) ${titles} WHERE s.open = 1`).run();
    stmt(db, 'DELETE FROM meta WHERE key = ?').run(DEFERRED);
  })();
}
