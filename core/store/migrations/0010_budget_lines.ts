/**
 * 0010 — the prepaid bundle ledger (shared/domain/budget.ts): append-only `budget_lines`, purchases
 * and signed adjustments per client, read by client (`budget.forClient`, the overrun check).
 */
export const sql = /* sql */ `
CREATE TABLE budget_lines (
  id             TEXT PRIMARY KEY,
  client_id      TEXT NOT NULL REFERENCES clients(id),
  kind           TEXT NOT NULL CHECK (kind IN ('purchase', 'adjustment')),
  minutes        INTEGER NOT NULL CHECK (minutes <> 0),
  day            TEXT NOT NULL,
  valid_through  TEXT,
  note           TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL,
  field_versions TEXT NOT NULL
) STRICT;
CREATE INDEX budget_lines_by_client ON budget_lines (client_id, id);
`;
