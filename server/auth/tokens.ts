import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Device tokens: 32 random bytes, shown once, stored only as a SHA-256 hash. */
export function newToken(): string {
  return `vgt_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret.trim().toUpperCase().replace(/[\s-]/g, '')).digest('hex');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// No 0/O, 1/I/L: the code is read off a screen and typed on another machine.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A one-time pairing code like `K7MD-Q2XP-9RTA` (about 70 bits). */
export function newPairingCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((g) => g.join('')).join('-');
}
