/**
 * 0013 — ticket bundling (`incident.merge`, docs/billing.md "Bundling"): a merged incident points to
 * the one it was merged into. Indexed so the survivor's timeline finds the incidents merged into it.
 * No foreign key: a pulled row may name a survivor the laptop learns of in the same page.
 */
export const sql = /* sql */ `
ALTER TABLE incidents ADD COLUMN merged_into TEXT;
CREATE INDEX incidents_by_merged_into ON incidents (merged_into) WHERE merged_into IS NOT NULL;
`;
