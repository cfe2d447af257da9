/**
 * 0008 — the message key and params of a refusal beside its code and English text, for outbox
 * entries the server rejected, so the UI shows the refusal in the language on screen (a change
 * refused before this has none: NULL, and the UI falls back to the headline of its code).
 * `error_params` is a JSON object.
 */
export const sql = /* sql */ `
ALTER TABLE outbox ADD COLUMN error_key TEXT;
ALTER TABLE outbox ADD COLUMN error_params TEXT CHECK (error_params IS NULL OR json_type(error_params) = 'object');
`;
