import type { Db } from '../store/database';
import { stmt } from '../store/statements';
import { getMeta, setMeta } from './meta';

/**
 * The title search index (`incident_search`, migration 0004) is kept in step row by row by
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

/** Rebuilds the whole index from the titles, in one transaction, and resumes row-by-row upkeep. */
export function rebuildSearchIndex(db: Db): void {
  db.transaction(() => {
    stmt(db, `INSERT INTO incident_search (incident_search) VALUES ('delete-all')`).run();
    stmt(
      db,
      `INSERT INTO incident_search (rowid, title) SELECT s.rowid, i.title FROM incident_sla s JOIN incidents i ON i.id = s.incident_id`,
    ).run();
    stmt(db, 'DELETE FROM meta WHERE key = ?').run(DEFERRED);
  })();
}
