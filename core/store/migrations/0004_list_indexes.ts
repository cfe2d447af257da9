/**
 * 0004 — the incident list at scale, and pulled rows waiting for their parent (end of file).
 *
 * The incident list at scale. The SLA cache becomes the list's index: an open/closed flag
 * leads its indexes (open incidents first, then by due instant; the closed history is never
 * walked for an "open" view), an at-risk index answers "amber now" without reading rows, and a
 * trigram full-text index over titles serves the search box (substring matches, case- and
 * accent-insensitive).
 *
 * The full-text index is contentless and keyed by the SLA cache's rowid, so every index of the
 * cache can test "matches the search" without reading a row; triggers keep it in step. VACUUM may
 * renumber rowids of tables without an INTEGER PRIMARY KEY: whoever adds a VACUUM must rebuild
 * `incident_search` after it (`rebuildSearchIndex` in core/repos/search.ts).
 */
export const sql = /* sql */ `
ALTER TABLE incident_sla ADD COLUMN open INTEGER NOT NULL DEFAULT 1 CHECK (open IN (0, 1));
UPDATE incident_sla SET open = 0 WHERE incident_id IN (SELECT id FROM incidents WHERE status IN ('resolved', 'closed'));

DROP INDEX incident_sla_by_due;
CREATE INDEX incident_sla_by_due ON incident_sla (open DESC, due_at, incident_id);
DROP INDEX incident_sla_by_risk;
CREATE INDEX incident_sla_by_risk ON incident_sla (at_risk_at, due_at, incident_id);
DROP INDEX incident_sla_by_client;
CREATE INDEX incident_sla_by_client ON incident_sla (client_id, open DESC, due_at, incident_id);

CREATE VIRTUAL TABLE incident_search USING fts5(
  title, content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1'
);
-- The open incidents' titles again, on their own: the search box searches the open view, and a
-- phrase costs in proportion to the titles indexed (thousands open against 100k in all).
CREATE VIRTUAL TABLE incident_search_open USING fts5(
  title, content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1'
);
-- Triggers keep both in step, except while a bulk pull has deferred them (meta 'search.deferred'):
-- then they are rebuilt in one statement each at the end, far cheaper than row by row.
CREATE TRIGGER incident_search_insert AFTER INSERT ON incident_sla
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'search.deferred') BEGIN
  INSERT INTO incident_search (rowid, title) SELECT new.rowid, title FROM incidents WHERE id = new.incident_id;
  INSERT INTO incident_search_open (rowid, title) SELECT new.rowid, title FROM incidents WHERE id = new.incident_id AND new.open = 1;
END;
CREATE TRIGGER incident_search_delete AFTER DELETE ON incident_sla
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'search.deferred') BEGIN
  DELETE FROM incident_search WHERE rowid = old.rowid;
  DELETE FROM incident_search_open WHERE rowid = old.rowid AND old.open = 1;
END;
CREATE TRIGGER incident_search_reopen AFTER UPDATE OF open ON incident_sla
WHEN old.open IS NOT new.open AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'search.deferred') BEGIN
  DELETE FROM incident_search_open WHERE rowid = old.rowid AND old.open = 1;
  INSERT INTO incident_search_open (rowid, title) SELECT new.rowid, title FROM incidents WHERE id = new.incident_id AND new.open = 1;
END;
-- Updates write every column; only a changed title touches the index.
CREATE TRIGGER incident_search_retitle AFTER UPDATE OF title ON incidents
WHEN old.title IS NOT new.title AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'search.deferred') BEGIN
  DELETE FROM incident_search WHERE rowid = (SELECT rowid FROM incident_sla WHERE incident_id = new.id);
  INSERT INTO incident_search (rowid, title) SELECT rowid, new.title FROM incident_sla WHERE incident_id = new.id;
  DELETE FROM incident_search_open WHERE rowid = (SELECT rowid FROM incident_sla WHERE incident_id = new.id AND open = 1);
  INSERT INTO incident_search_open (rowid, title) SELECT rowid, new.title FROM incident_sla WHERE incident_id = new.id AND open = 1;
END;
INSERT INTO incident_search (rowid, title) SELECT s.rowid, i.title FROM incident_sla s JOIN incidents i ON i.id = s.incident_id;
INSERT INTO incident_search_open (rowid, title) SELECT s.rowid, i.title FROM incident_sla s JOIN incidents i ON i.id = s.incident_id WHERE s.open = 1;

-- Pulled rows whose parent has not arrived yet. The server's compacted change log lists a row at
-- the seq of its latest change, which can come before its parent's (a timeline entry before its
-- incident, updated since): such a row waits here and is applied as soon as the parent is stored.
CREATE TABLE sync_parked (
  table_name   TEXT NOT NULL,
  row_id       TEXT NOT NULL,
  seq          INTEGER NOT NULL,
  parent_table TEXT NOT NULL CHECK (parent_table IN ('clients', 'incidents')),
  parent_id    TEXT NOT NULL,
  row          TEXT NOT NULL,
  PRIMARY KEY (table_name, row_id)
) STRICT;
CREATE INDEX sync_parked_by_parent ON sync_parked (parent_table, parent_id);
`;
