/**
 * 0009 — time tracking (shared/domain/time.ts): the synced `time_entries`, and the laptop-only
 * `timer_heartbeat` (never synced) the engine writes about once a minute while this laptop's
 * engineer has a running timer, so a start after a crash or a night with the lid closed can ask
 * what to do with the gap (core/time/timerWatch.ts). 0008 is another branch's number.
 */
export const sql = /* sql */ `
CREATE TABLE time_entries (
  id             TEXT PRIMARY KEY,
  engineer_id    TEXT NOT NULL,
  client_id      TEXT NOT NULL REFERENCES clients(id),
  incident_id    TEXT REFERENCES incidents(id),
  started_at     TEXT NOT NULL,
  ended_at       TEXT,
  running_for    TEXT,
  note           TEXT NOT NULL,
  billable       INTEGER NOT NULL CHECK (billable IN (0, 1)),
  scope          TEXT NOT NULL CHECK (scope IN ('support', 'change_request')),
  change_reason  TEXT,
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL,
  field_versions TEXT NOT NULL
) STRICT;
CREATE INDEX time_entries_by_engineer ON time_entries (engineer_id, started_at);
CREATE INDEX time_entries_by_client ON time_entries (client_id, started_at);
CREATE INDEX time_entries_by_incident ON time_entries (incident_id, started_at);
CREATE INDEX time_entries_running ON time_entries (running_for) WHERE running_for IS NOT NULL;

CREATE TABLE timer_heartbeat (
  entry_id TEXT PRIMARY KEY,
  at       TEXT NOT NULL
) STRICT;
`;
