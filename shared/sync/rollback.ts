import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { canonicalJson } from '../canonicalJson';
import { VangnetError } from '../errors';

/**
 * A laptop store set back in time (restored from a backup, or its `-wal` lost) numbers new work
 * with outbox ids the server has already applied. The server keeps a digest of every mutation it
 * handled, so a "retry" whose content differs is told apart from a real retry after a lost reply.
 */

/** SHA-256 of the canonical JSON of `{mutationId, name, args, hlc}`, as 64 lowercase hex digits. */
export function mutationDigest(m: { mutationId: number; name: string; args: unknown; hlc: string }): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson({ mutationId: m.mutationId, name: m.name, args: m.args, hlc: m.hlc }))));
}

export const MutationDigest = z.string().regex(/^[0-9a-f]{64}$/, { message: 'format.digest' });

/** The extra members of a 409 `rolled_back` problem document. */
export const RolledBackProblem = z.object({
  /** The first pushed mutation whose id the server already used for different content. */
  mutationId: z.number().int().min(1),
  /** The highest mutation id of this client the server has handled: new work is renumbered after it. */
  lastMutationId: z.number().int().min(0),
});
export type RolledBackProblem = z.infer<typeof RolledBackProblem>;

/** The server refused a push: the laptop reused mutation ids for new work (it was set back in time). */
export class RolledBackError extends VangnetError {
  readonly details: RolledBackProblem;

  constructor(details: RolledBackProblem) {
    super('rolled_back', 'sync.rolledBack', { id: details.mutationId, last: details.lastMutationId });
    this.name = 'RolledBackError';
    this.details = details;
  }
}
