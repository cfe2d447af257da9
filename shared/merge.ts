import type { FieldVersions } from './domain/common';
import { compareHlc, hlcToIso } from './hlc';

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

/**
 * When a row was last written: the wall time of the newest stamp among its fields. A function of the
 * merged state, so every replica agrees whatever order the writes arrived in — "the time of the last
 * write applied here" does not: the server may apply an older stamp after a newer one (pushes from
 * laptops commit in arrival order), and a laptop's own write that lost to a newer one leaves no trace.
 */
export function lastWriteAt(versions: FieldVersions, unstamped: string): string {
  let newest: string | undefined;
  for (const v of Object.values(versions)) if (newest === undefined || compareHlc(v, newest) > 0) newest = v;
  return newest === undefined ? unstamped : hlcToIso(newest);
}

/**
 * Merges two full copies of one row (local and pulled) field by field, each field going to the
 * newer write. Commutative, associative and idempotent, so replicas agree whatever order copies
 * arrive in. Fields without versions are set once at creation and never change.
 */
export function mergeRows<R extends { fieldVersions: FieldVersions; updatedAt?: string }>(local: R, remote: R): R {
  const out: Record<string, unknown> = { ...local };
  const versions: FieldVersions = { ...local.fieldVersions };
  for (const [field, version] of Object.entries(remote.fieldVersions)) {
    const mine = versions[field];
    if (mine === undefined || compareHlc(version, mine) > 0) {
      out[field] = (remote as Record<string, unknown>)[field];
      versions[field] = version;
    }
  }
  out.fieldVersions = versions;
  if (local.updatedAt !== undefined) out.updatedAt = lastWriteAt(versions, local.updatedAt);
  return out as R;
}

/**
 * Sets a local row back to the server's copy (repairing a table that diverged), keeping only the
 * local fields written *after* the server's version of them — changes still waiting to be pushed.
 * Unlike `mergeRows`, a tie goes to the server: a field whose value differs under the same stamp
 * was changed behind the merge rules' back, and the server's value is the one every replica holds.
 */
export function restoreRow<R extends { fieldVersions: FieldVersions; updatedAt?: string }>(server: R, local: R): R {
  const out: Record<string, unknown> = { ...server };
  const versions: FieldVersions = { ...server.fieldVersions };
  let localWon = false;
  for (const [field, version] of Object.entries(local.fieldVersions)) {
    const theirs = versions[field];
    if (theirs === undefined || compareHlc(version, theirs) > 0) {
      out[field] = (local as Record<string, unknown>)[field];
      versions[field] = version;
      localWon = true;
    }
  }
  out.fieldVersions = versions;
  if (localWon && server.updatedAt !== undefined) out.updatedAt = lastWriteAt(versions, server.updatedAt);
  return out as R;
}
