/**
 * 0006 — the code of a refusal beside its message, for outbox entries the server rejected: the
 * CLI and the UI say why by code (`forbidden`: a role that may not; `conflict`, `not_found`…)
 * rather than by reading the server's English. Entries refused before this have no code (NULL).
 */
export const sql = /* sql */ `
ALTER TABLE outbox ADD COLUMN error_code TEXT;
`;
