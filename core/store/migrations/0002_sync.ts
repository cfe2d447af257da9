/**
 * 0002 — what sync brings to the laptop: the team's engineers (so incidents can be assigned
 * offline) and the office server's audit trail (every device's actions, append-only).
 */
export const sql = /* sql */ `
CREATE TABLE engineers (
  id     TEXT PRIMARY KEY,
  name   TEXT NOT NULL,
  email  TEXT NOT NULL,
  role   TEXT NOT NULL,
  active INTEGER NOT NULL
) STRICT;

CREATE TABLE audit_synced (
  id         INTEGER PRIMARY KEY,
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
) STRICT;
CREATE INDEX audit_synced_by_entity ON audit_synced (entity_id, id);
CREATE TRIGGER audit_synced_no_update BEFORE UPDATE ON audit_synced BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
`;
