/**
 * 0003 — the incident lifecycle and contracts: assignment and category on incidents, the
 * append-only timeline, contract versions, platforms, and a local cache of each incident's SLA
 * instants (derived from the timeline and the contract, recomputed by core, never synced) so
 * the list can sort by time-to-breach without computing clocks for every row.
 */
export const sql = /* sql */ `
ALTER TABLE incidents ADD COLUMN assignee_id TEXT;
ALTER TABLE incidents ADD COLUMN category TEXT
  CHECK (category IS NULL OR category IN ('monitoring', 'security', 'cms_help', 'bugfix', 'scaling', 'new_functionality'));
CREATE INDEX incidents_by_assignee ON incidents (assignee_id);

CREATE TABLE incident_events (
  id             TEXT PRIMARY KEY,
  incident_id    TEXT NOT NULL REFERENCES incidents(id),
  at             TEXT NOT NULL,
  data           TEXT NOT NULL,
  actor_id       TEXT NOT NULL,
  actor_name     TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  hlc            TEXT NOT NULL,
  field_versions TEXT NOT NULL
) STRICT;
CREATE INDEX incident_events_by_incident ON incident_events (incident_id, at);
-- Entries never change. (They are not delete-protected: a laptop removes an entry of its own that
-- the office server refused; the server's copy of the timeline is the authoritative one.)
CREATE TRIGGER incident_events_no_update BEFORE UPDATE ON incident_events BEGIN SELECT RAISE(ABORT, 'timeline is append-only'); END;

CREATE TABLE contracts (
  id             TEXT PRIMARY KEY,
  client_id      TEXT NOT NULL REFERENCES clients(id),
  effective_from TEXT NOT NULL,
  terms          TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL,
  field_versions TEXT NOT NULL
) STRICT;
CREATE INDEX contracts_by_client ON contracts (client_id, effective_from);

CREATE TABLE platforms (
  id             TEXT PRIMARY KEY,
  client_id      TEXT NOT NULL REFERENCES clients(id),
  name           TEXT NOT NULL,
  url            TEXT,
  stack          TEXT NOT NULL,
  environments   TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL,
  field_versions TEXT NOT NULL
) STRICT;
CREATE INDEX platforms_by_client ON platforms (client_id);

-- Derived, local only. due_at: the earliest instant a running clock breaches (epoch ms; a far-future
-- sentinel when no clock runs, e.g. once resolved, so the index orders every incident). at_risk_at: when the first running clock turns amber. paused: the resolution
-- clock waits on the client. Recomputed whenever the incident, its timeline or its contract changes.
CREATE TABLE incident_sla (
  incident_id TEXT PRIMARY KEY REFERENCES incidents(id) ON DELETE CASCADE,
  client_id   TEXT NOT NULL,
  due_at      INTEGER,
  at_risk_at  INTEGER,
  paused      INTEGER NOT NULL DEFAULT 0,
  contract_id TEXT
) STRICT;
CREATE INDEX incident_sla_by_due ON incident_sla (due_at, incident_id);
CREATE INDEX incident_sla_by_risk ON incident_sla (at_risk_at);
CREATE INDEX incident_sla_by_client ON incident_sla (client_id, due_at, incident_id);
`;
