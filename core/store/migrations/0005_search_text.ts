/**
 * 0005 — the titles' folded text beside their trigram index, for long searches.
 *
 * A phrase costs the trigram index in proportion to every one of its trigrams' lists: a long
 * phrase of common trigrams reads most of the index. With each title's folded text kept here
 * (keyed, like the index, by the SLA cache's rowid), a long phrase asks the index only for its
 * rarest trigrams and checks the few titles that have them (`core/repos/search.ts`), as pg_trgm
 * rechecks its candidates.
 *
 * `vangnet_fold` is the store's own function (`foldText`), registered on every connection the app
 * opens: the sqlite3 shell can read this store but not write titles to it. Like the index, the
 * text waits while a bulk pull has deferred search upkeep and is rebuilt with it.
 */
export const sql = /* sql */ `
CREATE TABLE incident_search_text (
  rowid INTEGER PRIMARY KEY,
  text  TEXT NOT NULL
) STRICT;
CREATE TRIGGER incident_search_text_insert AFTER INSERT ON incident_sla
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'search.deferred') BEGIN
  INSERT OR REPLACE INTO incident_search_text (rowid, text) SELECT new.rowid, vangnet_fold(title) FROM incidents WHERE id = new.incident_id;
END;
CREATE TRIGGER incident_search_text_delete AFTER DELETE ON incident_sla
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'search.deferred') BEGIN
  DELETE FROM incident_search_text WHERE rowid = old.rowid;
END;
CREATE TRIGGER incident_search_text_retitle AFTER UPDATE OF title ON incidents
WHEN old.title IS NOT new.title AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'search.deferred') BEGIN
  UPDATE incident_search_text SET text = vangnet_fold(new.title) WHERE rowid = (SELECT rowid FROM incident_sla WHERE incident_id = new.id);
END;
INSERT INTO incident_search_text (rowid, text) SELECT s.rowid, vangnet_fold(i.title) FROM incident_sla s JOIN incidents i ON i.id = s.incident_id;
`;
