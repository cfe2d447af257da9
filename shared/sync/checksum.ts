import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { canonicalJson } from '../canonicalJson';
import { CHECKSUM_TABLES, type ChecksumTable, TABLE_SPECS } from '../schema/tables';

export { CHECKSUM_TABLES, type ChecksumTable } from '../schema/tables';

/**
 * Per-table checksums (DESIGN.md, sync guard 6): the office server and a laptop that has pulled up
 * to the same seq, with nothing of its own left to push, must hold the same rows. Each side folds
 * its rows into `{count, checksum}` per table; a table whose pair differs has diverged.
 *
 * The algorithm, precisely (docs/sync-protocol.md repeats it for other clients):
 * 1. A row's canonical form is an object with exactly the table's fields (CHECKSUM_FIELDS), a
 *    missing or undefined field counting as null, written as canonical JSON (object keys sorted by
 *    UTF-16 code units at every level, no whitespace, ECMAScript JSON.stringify for strings and
 *    numbers — RFC 8785).
 * 2. Its digest is the first 8 bytes of SHA-256 over that text's UTF-8, read as an unsigned 64-bit
 *    big-endian integer.
 * 3. The table's checksum is the sum of its rows' digests modulo 2^64, written as 16 lowercase hex
 *    digits; together with the row count. A sum does not depend on the order rows are read in, so
 *    neither side has to sort, and one changed field changes the digest of its row and so the sum.
 *
 * The tables and their fields come from the table registry (shared/schema/tables.ts): every table
 * but the audit trail, whose laptop copy is legitimately a subset of the server's (a bootstrap leaves
 * out other laptops' audit history); the trail is guarded by its own hash chain instead
 * (shared/auditChain.ts).
 */
export const ChecksumTableName = z.enum(CHECKSUM_TABLES as [ChecksumTable, ...ChecksumTable[]]);

/** The fields each table's rows are compared on: the synced row as the protocol carries it. */
export const CHECKSUM_FIELDS = Object.fromEntries(
  CHECKSUM_TABLES.map((t) => [t, TABLE_SPECS[t].columns.map((c) => c.field)]),
) as unknown as { readonly [T in ChecksumTable]: readonly string[] };

export const TableChecksum = z.object({
  count: z.number().int().min(0),
  checksum: z.string().regex(/^[0-9a-f]{16}$/),
});
export type TableChecksum = z.infer<typeof TableChecksum>;

export type TableChecksums = Record<ChecksumTable, TableChecksum>;

const MASK = (1n << 64n) - 1n;

/** SHA-256 of a text's UTF-8 bytes. Hosts with a native one (Node's crypto) may pass it instead: same bytes, faster. */
export type Sha256 = (text: string) => Uint8Array;
const nobleSha256: Sha256 = (text) => sha256(utf8ToBytes(text));

// Each table's fields in canonical key order (UTF-16 code units, as canonicalJson sorts), with their JSON keys.
const SORTED_FIELDS = Object.fromEntries(
  CHECKSUM_TABLES.map((t) => [
    t,
    [...CHECKSUM_FIELDS[t]].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((f) => [f, JSON.stringify(f)] as const),
  ]),
) as unknown as Record<ChecksumTable, readonly (readonly [string, string])[]>;

/** The text a row is hashed as: its table's fields only, absent ones as null, keys sorted. */
export function canonicalRow(table: ChecksumTable, row: Readonly<Record<string, unknown>>): string {
  // Same text as canonicalJson of the picked object, without building and sorting it for every row.
  let text = '{';
  for (const [field, key] of SORTED_FIELDS[table]) {
    const value = row[field];
    text += `${text.length > 1 ? ',' : ''}${key}:${value === null || value === undefined ? 'null' : canonicalJson(value)}`;
  }
  return `${text}}`;
}

/** A row's 64-bit digest: the first 8 bytes of SHA-256 of its canonical text, big-endian. */
export function rowDigest(table: ChecksumTable, row: Readonly<Record<string, unknown>>, hash: Sha256 = nobleSha256): bigint {
  const digest = hash(canonicalRow(table, row));
  return new DataView(digest.buffer, digest.byteOffset, 8).getBigUint64(0, false);
}

/** Folds rows one at a time, in any order: for streaming a table without holding it. */
export class ChecksumAccumulator {
  private count = 0;
  private sum = 0n;

  constructor(
    readonly table: ChecksumTable,
    private readonly hash: Sha256 = nobleSha256,
  ) {}

  add(row: Readonly<Record<string, unknown>>): void {
    this.count += 1;
    this.sum = (this.sum + rowDigest(this.table, row, this.hash)) & MASK;
  }

  result(): TableChecksum {
    return { count: this.count, checksum: this.sum.toString(16).padStart(16, '0') };
  }
}

/** The checksum of a whole table's rows. */
export function tableChecksum(table: ChecksumTable, rows: Iterable<Readonly<Record<string, unknown>>>): TableChecksum {
  const acc = new ChecksumAccumulator(table);
  for (const row of rows) acc.add(row);
  return acc.result();
}

/** The tables whose count or checksum differ, in CHECKSUM_TABLES order. */
export function divergentTables(local: TableChecksums, server: Partial<TableChecksums>): ChecksumTable[] {
  return CHECKSUM_TABLES.filter((t) => {
    const theirs = server[t];
    return !theirs || theirs.count !== local[t].count || theirs.checksum !== local[t].checksum;
  });
}
