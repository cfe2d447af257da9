/**
 * 0001 — clients, incidents, the outbox and the append-only audit log.
 * Landed migrations are immutable: `migrations.test.ts` pins each one's hash.
 */
export const sql = /* sql */ `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE clients (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  code           TEXT NOT NULL UNIQUE,
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL,
  field_versions TEXT NOT NULL
) STRICT;

CREATE TABLE incidents (
  id             TEXT PRIMARY KEY,
  client_id      TEXT NOT NULL REFERENCES clients(id),
  title          TEXT NOT NULL,
  description    TEXT NOT NULL DEFAULT '',
  priority       TEXT NOT NULL CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
  status         TEXT NOT NULL CHECK (status IN ('new', 'acknowledged', 'in_progress', 'waiting_on_client', 'resolved', 'closed')),
  opened_at      TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  field_versions TEXT NOT NULL
) STRICT;
CREATE INDEX incidents_by_client ON incidents (client_id, opened_at);
CREATE INDEX incidents_by_priority ON incidents (priority, opened_at);
CREATE INDEX incidents_by_status ON incidents (status, priority, opened_at);

-- Mutations waiting for the office server. AUTOINCREMENT: a mutation id is never reused, even
-- after acknowledged entries are deleted, which the server's per-client dedup relies on.
CREATE TABLE outbox (
  mutation_id INTEGER PRIMARY KEY AUTOINCREMENT,
  client_id   TEXT NOT NULL,
  name        TEXT NOT NULL,
  args        TEXT NOT NULL,
  hlc         TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'rejected')),
  error       TEXT
);

-- Every change, who made it and what it was before and after. Hash-chained; never updated.
CREATE TABLE audit (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  at         TEXT NOT NULL,
  hlc        TEXT NOT NULL,
  actor_id   TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  device_id  TEXT NOT NULL,
  mutation   TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  TEXT NOT NULL,
  before     TEXT,
  after      TEXT,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL
);
CREATE INDEX audit_by_entity ON audit (entity_id, seq);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
`;
