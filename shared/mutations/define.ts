import type { z } from 'zod';
import type { Actor } from '../domain/common';
import type { RowOf, TableName } from '../schema/tables';
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

/** Load the first row of `table` whose `by` column equals `value`. */
export interface ReadSpec<T extends TableName = TableName> {
  table: T;
  by: 'id' | 'code';
  value: string;
}
export type ReadSpecs = Record<string, ReadSpec>;
export type Loaded<S extends ReadSpecs> = { [K in keyof S]: TableRows[S[K]['table']] | undefined };

export interface MutationContext {
  actor: Actor;
  deviceId: string;
  /** The mutation's HLC stamp; every field it writes is versioned with it. */
  hlc: string;
  /** Wall time of the stamp, ISO-8601 UTC: the mutation's "now", identical on every replay. */
  now: string;
}

export type Write = {
  [T in TableName]: { op: 'insert'; table: T; row: TableRows[T] } | { op: 'update'; table: T; before: TableRows[T]; row: TableRows[T] };
}[TableName];

export interface MutationDef<A = unknown, S extends ReadSpecs = ReadSpecs> {
  name: string;
  /** What it does, for the generated reference when the usual create/change wording does not fit. */
  summary?: string;
  args: z.ZodType<A>;
  reads(args: A): S;
  /**
   * Who may run it, decided after the reads (a rule may look at the rows) and before `apply`, on
   * the laptop and the server alike (`authorize` in ./permit.ts). Null allows; absent, everyone may.
   */
  permit?(actor: Actor, args: A, rows: Loaded<S>): Refusal | null;
  apply(args: A, rows: Loaded<S>, ctx: MutationContext): Write[];
}

/** Ill-formed text is refused in every argument, however deep: on the laptop, over REST and in a push alike. */
export function defineMutation<A, S extends ReadSpecs>(def: MutationDef<A, S>): MutationDef<A, S> {
  return { ...def, args: refuseIllFormedText(def.args) };
}
