/**
 * 0012 — change requests (shared/domain/changeRequest.ts): one per incident (its id is the
 * incident's), with the estimate, the quote and its status; read by incident and by client.
 * 0011 is another branch's number.
 */
export const sql = /* sql */ `
CREATE TABLE change_requests (
  id               TEXT PRIMARY KEY,
  incident_id      TEXT NOT NULL REFERENCES incidents(id),
  client_id        TEXT NOT NULL REFERENCES clients(id),
  status           TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'accepted', 'rejected')),
  estimate_minutes INTEGER CHECK (estimate_minutes > 0),
  quote_cents      INTEGER CHECK (quote_cents >= 0),
  status_at        TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  created_by       TEXT NOT NULL,
  field_versions   TEXT NOT NULL
) STRICT;
CREATE INDEX change_requests_by_incident ON change_requests (incident_id, id);
CREATE INDEX change_requests_by_client ON change_requests (client_id, id);
`;
