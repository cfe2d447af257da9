import type { z } from 'zod';
import type { Actor } from '../domain/common';
import type { LookupField, RowOf, TableName } from '../schema/tables';
import type { Refusal } from '../permissions';
import { refuseIllFormedText } from '../validation';

/**
 * A mutation is a named, pure, synchronous function: it names the rows it needs (`reads`), the host
 * loads them (synchronously from SQLite on a laptop, awaited from PostgreSQL on the server), and
 * `apply` computes the writes. The host applies them together with the outbox and audit rows in one
 * transaction. Both sides run the same definition, so validation and merge rules agree.
 * The row type of each table mutations write comes from the table registry (shared/schema/tables.ts).
 */
export type TableRows = { [T in TableName]: RowOf<T> };
export type { TableName };

/** A field of a table's rows (a column), by its domain name. */
export type FieldOf<T extends TableName> = keyof TableRows[T] & string;
/** A field a mutation may read `table` by: one of its registered lookups, each indexed on both sides. */
export type LookupOf<T extends TableName> = LookupField<T>;
/** A value a read may compare a field to: the scalar types columns hold (text, integer, boolean). */
export type ReadValue = string | number | boolean;

/**
 * Load the first row of `table` whose `by` field equals `value`. `by` must be one of the table's
 * lookups (shared/schema/tables.ts: an indexed field); the host refuses any other.
 */
export interface RowRead<T extends TableName = TableName> {
  table: T;
  by: LookupOf<T>;
  value: ReadValue;
}

/** The most rows one list read may load: a mutation reads a bounded neighbourhood, never a table. */
export const LIST_READ_MAX = 500;

/**
 * Load up to `limit` rows of `table` whose fields equal every value of `where` (each field a
 * lookup), sorted by `orderBy` and then by id, so both hosts hand `apply` the same array: text
 * compares by code point, nulls sort first (last when descending).
 */
export interface ListRead<T extends TableName = TableName> {
  table: T;
  where: { [F in LookupOf<T>]?: ReadValue };
  orderBy?: readonly { field: FieldOf<T>; desc?: boolean }[];
  /** 1..LIST_READ_MAX; a mutation that could need more must be split. */
  limit: number;
}

export type ReadSpec = { [T in TableName]: RowRead<T> | ListRead<T> }[TableName];
export type ReadSpecs = Record<string, ReadSpec>;
export type Loaded<S extends ReadSpecs> = {
  [K in keyof S]: S[K] extends ListRead<infer T> ? TableRows[T][] : TableRows[S[K]['table']] | undefined;
};

export function isListRead(spec: ReadSpec): spec is Extract<ReadSpec, { where: unknown }> {
  return 'where' in spec;
}

export interface MutationContext {
  actor: Actor;
  deviceId: string;
  /** The mutation's HLC stamp; every field it writes is versioned with it. */
  hlc: string;
  /** Wall time of the stamp, ISO-8601 UTC: the mutation's "now", identical on every replay. */
  now: string;
}

/**
 * What a mutation changes. A delete is a tombstone: the row goes on every host, the server's change
 * log carries `row: null` for it, its audit entry has `after: null`. Append-only tables refuse it.
 */
export type Write = {
  [T in TableName]:
    | { op: 'insert'; table: T; row: TableRows[T] }
    | { op: 'update'; table: T; before: TableRows[T]; row: TableRows[T] }
    | { op: 'delete'; table: T; before: TableRows[T] };
}[TableName];

/** The id of the row a write touches. */
export function writeId(write: Write): string {
  return write.op === 'delete' ? write.before.id : write.row.id;
}

/** The row as the write leaves it: null when deleted. */
export function rowAfter(write: Write): TableRows[TableName] | null {
  return write.op === 'delete' ? null : write.row;
}

/** `I` is what callers pass (before the schema's defaults), `A` what `apply` receives. */
export interface MutationDef<
  A = unknown,
  S extends ReadSpecs = ReadSpecs,
  N extends string = string,
  I = A,
  L extends ReadSpecs = Record<never, never>,
> {
  name: N;
  /** What it does, for the generated reference when the usual create/change wording does not fit. */
  summary?: string;
  args: z.ZodType<A, I>;
  reads(args: A): S;
  /**
   * Rows whose key depends on a row `reads` loaded (the closed months of an entry's client and start
   * month: shared/mutations/monthGuard.ts), loaded by both hosts right after `reads`, by the same rules.
   */
  readsAfter?(args: A, rows: Loaded<S>, ctx: MutationContext): L;
  /**
   * Who may run it, decided after the reads (a rule may look at the rows) and before `apply`, on
   * the laptop and the server alike (`authorize` in ./permit.ts). Null allows; absent, everyone may.
   */
  permit?(actor: Actor, args: A, rows: Loaded<S>): Refusal | null;
  /** Who may, in words, for the generated reference when the rule depends on the row (one's own, or a lead). */
  who?: string;
  apply(args: A, rows: Loaded<S> & Loaded<L>, ctx: MutationContext): Write[];
}

/** Ill-formed text is refused in every argument, however deep: on the laptop, over REST and in a push alike. */
export function defineMutation<A, S extends ReadSpecs, const N extends string, I, L extends ReadSpecs = Record<never, never>>(
  def: MutationDef<A, S, N, I, L>,
): MutationDef<A, S, N, I, L> {
  return { ...def, args: refuseIllFormedText(def.args) };
}
