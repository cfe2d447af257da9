/**
 * 0014 — notified prepaid thresholds (shared/domain/budgetNotice.ts): append-only `budget_notices`,
 * one row per client, purchase era and threshold (a derived id), read by client.
 */
export const sql = /* sql */ `
CREATE TABLE budget_notices (
  id                TEXT PRIMARY KEY,
  client_id         TEXT NOT NULL REFERENCES clients(id),
  purchase_id       TEXT,
  threshold_percent INTEGER NOT NULL CHECK (threshold_percent BETWEEN 0 AND 100),
  remaining_minutes INTEGER NOT NULL,
  notified_at       TEXT NOT NULL,
  created_by        TEXT NOT NULL,
  field_versions    TEXT NOT NULL
) STRICT;
CREATE INDEX budget_notices_by_client ON budget_notices (client_id, id);
`;
