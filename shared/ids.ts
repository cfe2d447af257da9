import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * A UUID (version 8, "custom") derived from a seed. Mutations name the rows they create this way
 * (e.g. from their HLC stamp), so the laptop and the server, re-running the same mutation, create
 * the very same row id.
 */
export function deterministicId(seed: string): string {
  const hex = bytesToHex(sha256(utf8ToBytes(seed)))
    .slice(0, 32)
    .split('');
  hex[12] = '8';
  hex[16] = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
