/**
 * 0005 — the titles' folded text beside their trigram indexes, for long searches; and the SLA
 * cache's first breach apart from its next due instant (end of file).
 *
 * A phrase costs the trigram index in proportion to every one of its trigrams' lists: a long
 * phrase of common trigrams reads most of the index. With each title's folded text kept here
 * (keyed, like the indexes, by the SLA cache's rowid), a long phrase asks the index only for its
 * rarest trigram and checks the few titles that have it (`core/repos/titleMatch.ts`), as pg_trgm
 * rechecks its candidates.
 *
 * Both ways must fold text alike, so the indexes now hold this folded text rather than the raw
 * title (SQLite's own diacritic folding covers Latin letters only; ours, `foldText`, is the one
 * the recheck uses). The triggers of 0004 are replaced by ones that keep all three in step.
 *
 * `vangnet_fold` is the store's own function, registered on every connection the app opens: the
 * sqlite3 shell can read this store but not write titles to it. Like the indexes, the text waits
 * while a bulk pull has deferred search upkeep and is rebuilt with them.
 */
export const sql = /* sql */ `
CREATE TABLE incident_search_text (
  rowid INTEGER PRIMARY KEY,
  text  TEXT NOT NULL
) STRICT;
DROP TRIGGER incident_search_insert;
DROP TRIGGER incident_search_delete;
DROP TRIGGER incident_search_reopen;
DROP TRIGGER incident_search_retitle;
CREATE TRIGGER incident_search_insert AFTER INSERT ON incident_sla
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'search.deferred') BEGIN
  INSERT OR REPLACE INTO incident_search_text (rowid, text) SELECT new.rowid, vangnet_fold(title) FROM incidents WHERE id = new.incident_id;
  INSERT INTO incident_search (rowid, title) SELECT rowid, text FROM incident_search_text WHERE rowid = new.rowid;
  INSERT INTO incident_search_open (rowid, title) SELECT rowid, text FROM incident_search_text WHERE rowid = new.rowid AND new.open = 1;
END;
CREATE TRIGGER incident_search_delete AFTER DELETE ON incident_sla
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'search.deferred') BEGIN
  DELETE FROM incident_search WHERE rowid = old.rowid;
  DELETE FROM incident_search_open WHERE rowid = old.rowid AND old.open = 1;
  DELETE FROM incident_search_text WHERE rowid = old.rowid;
END;
CREATE TRIGGER incident_search_reopen AFTER UPDATE OF open ON incident_sla
WHEN old.open IS NOT new.open AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'search.deferred') BEGIN
  DELETE FROM incident_search_open WHERE rowid = old.rowid AND old.open = 1;
  INSERT INTO incident_search_open (rowid, title) SELECT rowid, text FROM incident_search_text WHERE rowid = new.rowid AND new.open = 1;
END;
-- Updates write every column; only a changed title touches the indexes.
CREATE TRIGGER incident_search_retitle AFTER UPDATE OF title ON incidents
WHEN old.title IS NOT new.title AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'search.deferred') BEGIN
  UPDATE incident_search_text SET text = vangnet_fold(new.title) WHERE rowid = (SELECT rowid FROM incident_sla WHERE incident_id = new.id);
  DELETE FROM incident_search WHERE rowid = (SELECT rowid FROM incident_sla WHERE incident_id = new.id);
  INSERT INTO incident_search (rowid, title)
    SELECT x.rowid, x.text FROM incident_sla s JOIN incident_search_text x ON x.rowid = s.rowid WHERE s.incident_id = new.id;
  DELETE FROM incident_search_open WHERE rowid = (SELECT rowid FROM incident_sla WHERE incident_id = new.id AND open = 1);
  INSERT INTO incident_search_open (rowid, title)
    SELECT x.rowid, x.text FROM incident_sla s JOIN incident_search_text x ON x.rowid = s.rowid WHERE s.incident_id = new.id AND s.open = 1;
END;
INSERT INTO incident_search_text (rowid, text) SELECT s.rowid, vangnet_fold(i.title) FROM incident_sla s JOIN incidents i ON i.id = s.incident_id;
INSERT INTO incident_search (incident_search) VALUES ('delete-all');
INSERT INTO incident_search (rowid, title) SELECT rowid, text FROM incident_search_text;
INSERT INTO incident_search_open (incident_search_open) VALUES ('delete-all');
INSERT INTO incident_search_open (rowid, title) SELECT x.rowid, x.text FROM incident_search_text x JOIN incident_sla s ON s.rowid = x.rowid WHERE s.open = 1;
-- The list sorts by the next instant a running clock breaches (due_at). A clock that has stopped
-- can't breach any more, but one that breached stays breached: breached_at keeps the first breach
-- of either clock, for the "breached" filter. Existing rows take their due_at, which counted
-- stopped, breached clocks too; the engine recomputes the open incidents' due_at when it next
-- opens the store (SLA cache version 2, core/sla/slaService.ts).
ALTER TABLE incident_sla ADD COLUMN breached_at INTEGER NOT NULL DEFAULT 9000000000000000;
UPDATE incident_sla SET breached_at = due_at;
CREATE INDEX incident_sla_by_breach ON incident_sla (open DESC, breached_at, incident_id);
`;
