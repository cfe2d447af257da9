import type { Db } from '../store/database';
import { stmt } from '../store/statements';
import { getMeta, setMeta } from './meta';
import { deferSearchIndex, isSearchIndexDeferred, rebuildSearchIndex } from './search';
import { writeTransaction } from '../store/transaction';

/**
 * A bulk pull (a new laptop's bootstrap, a long holiday) writes tens of thousands of rows. Indexes
 * only the list queries read are dropped for its duration and built again at its end — building an
 * index over sorted keys costs a fraction of inserting the same keys one by one — and the title
 * search index is rebuilt once. Indexes that the writes themselves need (the timeline per incident,
 * uniqueness, primary keys) stay. The SLA cache is not written row by row
 * meanwhile either: the engine settles it in bulk before calling `endBulkLoad`.
 *
 * The definitions dropped are kept in `meta`, so a bulk load cut short (the app quit) is finished
 * when the store opens again. While it runs, list queries are slower but still right.
 */
const DEFERRABLE = [
  'incidents_by_client',
  'incidents_by_priority',
  'incidents_by_status',
  'incidents_by_assignee',
  'incident_sla_by_due',
  'incident_sla_by_risk',
  'incident_sla_by_client',
  'incident_sla_by_breach',
];
const KEY = 'bulk.indexes';

export function beginBulkLoad(db: Db): void {
  writeTransaction(db, () => {
    if (getMeta(db, KEY) !== undefined) return;
    const defs = stmt(db, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN (SELECT value FROM json_each(?))`).all(
      JSON.stringify(DEFERRABLE),
    ) as { name: string; sql: string }[];
    setMeta(db, KEY, JSON.stringify(defs));
    for (const { name } of defs) db.exec(`DROP INDEX ${name}`);
    deferSearchIndex(db);
  });
}

export function isBulkLoadPending(db: Db): boolean {
  return getMeta(db, KEY) !== undefined || isSearchIndexDeferred(db);
}

/** Builds the dropped indexes and the search index again; a no-op when no bulk load is pending. */
export function endBulkLoad(db: Db): void {
  const raw = getMeta(db, KEY);
  if (raw !== undefined) {
    writeTransaction(db, () => {
      for (const { sql } of JSON.parse(raw) as { name: string; sql: string }[])
        db.exec(sql.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS '));
      stmt(db, 'DELETE FROM meta WHERE key = ?').run(KEY);
    });
  }
  if (isSearchIndexDeferred(db)) rebuildSearchIndex(db);
}
