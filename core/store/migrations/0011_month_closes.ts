/**
 * 0011 — closed billing months (shared/domain/monthClose.ts): one synced row per client and month,
 * id `${clientId}:${YYYY-MM}`, read by id from the time mutations and by client for the lists.
 */
export const sql = /* sql */ `
CREATE TABLE month_closes (
  id             TEXT PRIMARY KEY,
  client_id      TEXT NOT NULL REFERENCES clients(id),
  month          TEXT NOT NULL,
  time_zone      TEXT NOT NULL,
  closed         INTEGER NOT NULL CHECK (closed IN (0, 1)),
  reopen_reason  TEXT,
  changed_at     TEXT NOT NULL,
  changed_by     TEXT NOT NULL,
  field_versions TEXT NOT NULL
) STRICT;
CREATE INDEX month_closes_by_client ON month_closes (client_id, month);
`;
