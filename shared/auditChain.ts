import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonicalJson';

/**
 * The audit trail is a hash chain: each entry's hash covers its content and the previous hash, so
 * an edited, removed or reordered entry breaks every hash after it. Defined here so the laptop, the
 * office server and (later) a client checking a statement compute the very same hash.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  at: string;
  hlc: string;
  actorId: string;
  actorName: string;
  deviceId: string;
  mutation: string;
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export function auditHash(prevHash: string, entry: AuditContent): string {
  return bytesToHex(sha256(utf8ToBytes(`${prevHash}\n${canonicalJson(entry)}`)));
}

/** Field versions are merge bookkeeping, not something a client reads in the audit trail. */
export function auditView(row: object): Record<string, unknown> {
  const { fieldVersions: _ignored, ...rest } = row as Record<string, unknown>;
  return rest;
}
