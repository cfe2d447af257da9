/**
 * 0007 — the team's settings (shared/domain/settings.ts): one synced row, id `team`, made by the
 * first `settings.set`; until then readers take the defaults. Booleans are 0/1 here as everywhere.
 */
export const sql = /* sql */ `
CREATE TABLE settings (
  id                     TEXT PRIMARY KEY CHECK (id = 'team'),
  idle_threshold_minutes INTEGER NOT NULL CHECK (idle_threshold_minutes BETWEEN 1 AND 240),
  idle_detection         INTEGER NOT NULL CHECK (idle_detection IN (0, 1)),
  field_versions         TEXT NOT NULL
) STRICT;
`;
