import type { FieldVersions } from './domain/common';
import { compareHlc } from './hlc';

export interface MergeOutcome<R> {
  row: R;
  versions: FieldVersions;
  /** Fields whose value this patch actually set (a newer concurrent write may win the others). */
  applied: string[];
}

/**
 * Last-writer-wins per field: a field takes the patch's value only when the patch's HLC is newer
 * than the stamp of the field's last write. HLC stamps end in the node id, so ties cannot happen
 * between different writers and every replica picks the same winner in any order of arrival.
 */
export function mergeFields<R extends Record<string, unknown>>(
  current: R,
  versions: FieldVersions,
  patch: Partial<R>,
  hlc: string,
): MergeOutcome<R> {
  const row: Record<string, unknown> = { ...current };
  const nextVersions: FieldVersions = { ...versions };
  const applied: string[] = [];
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const seen = versions[field];
    if (seen !== undefined && compareHlc(seen, hlc) >= 0) continue;
    row[field] = value;
    nextVersions[field] = hlc;
    applied.push(field);
  }
  return { row: row as R, versions: nextVersions, applied };
}
