import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { ReadSpec, ReadValue, TableName, TableRows, Write } from '../../shared/mutations/define';
import { planRead, type ReadPlan } from '../../shared/mutations/reads';
import { fromRecord, type LookupField, TABLE_SPECS, toRecord } from '../../shared/schema/tables';
import type { ServerDatabase } from '../db/schema';

/**
 * Row access for the synced domain tables on either dialect, driven by shared/schema/tables.ts:
 * which table and columns a statement names comes from the registry at run time, so the statements
 * are built with Kysely's `sql` (identifiers quoted by `sql.table`/`sql.ref`, values bound) rather
 * than its per-table builder, whose types need the table known at compile time.
 */

/**
 * Whether Kysely talks to PostgreSQL here: its placeholders are `$1`, SQLite's `?`. Compiling a
 * fragment runs nothing; it only asks the connection's dialect.
 */
function isPostgres(trx: Kysely<ServerDatabase>): boolean {
  return sql`${0}`.compile(trx).sql.startsWith('$');
}

function readSql(trx: Kysely<ServerDatabase>, plan: ReadPlan): RawBuilder<Record<string, unknown>> {
  const where = plan.where.map((w) => sql`${sql.ref(w.column)} = ${w.value}`);
  // Text sorts by code point on both: SQLite's default (binary) collation does, PostgreSQL's "C" does.
  const collate = isPostgres(trx) ? sql` COLLATE "C"` : sql``;
  const order = plan.orderBy.map(
    (o) =>
      sql`${sql.ref(o.column)}${o.kind === 'text' || o.kind === 'json' ? collate : sql``} ${o.desc ? sql`DESC NULLS LAST` : sql`ASC NULLS FIRST`}`,
  );
  const orderBy = order.length > 0 ? sql` ORDER BY ${sql.join(order)}` : sql``;
  return sql<
    Record<string, unknown>
  >`SELECT * FROM ${sql.table(plan.sqlTable)} WHERE ${sql.join(where, sql` AND `)}${orderBy} LIMIT ${plan.limit ?? 1}`;
}

/** Loads what a mutation's read names: one row (or undefined), or a list read's ordered rows. */
export async function loadRead(trx: Kysely<ServerDatabase>, spec: ReadSpec): Promise<unknown> {
  return loadPlanned(trx, planRead(spec));
}

/** The same for a read already checked (shared/mutations/reads.ts). */
export async function loadPlanned(trx: Kysely<ServerDatabase>, plan: ReadPlan): Promise<unknown> {
  const { rows } = await readSql(trx, plan).execute(trx);
  const loaded = rows.map((r) => fromRecord(plan.table, r));
  return plan.limit === undefined ? loaded[0] : loaded;
}

/** One domain row by a lookup field. */
export async function loadRow<T extends TableName>(
  trx: Kysely<ServerDatabase>,
  table: T,
  by: LookupField<T>,
  value: ReadValue,
): Promise<TableRows[T] | undefined> {
  return (await loadRead(trx, { table, by, value } as ReadSpec)) as TableRows[T] | undefined;
}

/** Applies one write; an update or delete that does not touch exactly one row is a defect and throws. */
export async function writeRow(trx: Kysely<ServerDatabase>, write: Write): Promise<void> {
  const table = sql.table(TABLE_SPECS[write.table].sqlTable);
  if (write.op === 'insert') {
    const record = toRecord(write.table, write.row);
    const columns = Object.keys(record);
    await sql`INSERT INTO ${table} (${sql.join(columns.map((c) => sql.ref(c)))}) VALUES (${sql.join(columns.map((c) => record[c]))})`.execute(
      trx,
    );
    return;
  }
  let result;
  let id: string;
  if (write.op === 'update') {
    const { id: rowId, ...rest } = toRecord(write.table, write.row);
    id = String(rowId);
    const sets = Object.entries(rest).map(([c, v]) => sql`${sql.ref(c)} = ${v}`);
    result = await sql`UPDATE ${table} SET ${sql.join(sets)} WHERE id = ${id}`.execute(trx);
  } else {
    id = write.before.id;
    result = await sql`DELETE FROM ${table} WHERE id = ${id}`.execute(trx);
  }
  const touched = Number(result.numAffectedRows ?? 0n);
  if (touched !== 1) throw new Error(`${write.op} of ${write.table} ${id} touched ${touched} rows`);
}
