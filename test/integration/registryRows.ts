import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { arbitraryOf, type JsonSchema } from '../../server/http/schemaArbitrary';
import { canonicalJson } from '../../shared/canonicalJson';
import { HybridLogicalClock } from '../../shared/hlc';
import { APPLY_ORDER, parentsOf, specOf, type SyncedTable } from '../../shared/schema/tables';

/**
 * Rows for any registered table, generated from its zod schema (as JSON Schema, through the
 * fuzzer's arbitraries), never written by hand per table: what the registry says is all there is.
 * Fixed up by what the registry declares, not by table name: a fresh UUID id when the schema takes
 * one, parent fields pointing at the given parents, and valid HLC stamps where rows carry them.
 */
export function generatedRow(
  table: SyncedTable,
  parents: ReadonlyMap<SyncedTable, string>,
  stamp: string,
  seed: number,
): Record<string, unknown> {
  const spec = specOf(table);
  const root = z.toJSONSchema(spec.schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
  const samples = fc.sample(arbitraryOf(root, { root, ids: [] }), { numRuns: 300, seed });
  const idSchema = (spec.schema as unknown as z.ZodObject).shape.id as z.ZodType;
  for (const sample of samples) {
    const row = { ...(sample as Record<string, unknown>) };
    if (idSchema.safeParse(row.id).success && z.uuid().safeParse(row.id).success) row.id = uuidv7();
    for (const p of parentsOf(table)) row[p.field] = parents.get(p.table);
    if ('fieldVersions' in row) {
      row.fieldVersions = Object.fromEntries(
        Object.keys(row)
          .filter((f) => f !== 'id' && f !== 'fieldVersions')
          .map((f) => [f, stamp]),
      );
    }
    if ('hlc' in row) row.hlc = stamp;
    const parsed = spec.schema.safeParse(row);
    // The schema's refinements (JSON Schema can't say them) and the table's own check decide.
    if (parsed.success && !specOf(table).rowProblem?.(parsed.data)) return parsed.data as Record<string, unknown>;
  }
  throw new Error(`no valid ${table} row among ${samples.length} generated from its schema`);
}

/**
 * One generated row per table whose rows can be made from the schema alone, parents first, each
 * child pointing at its generated parents. Tables with a check beyond the schema (the audit
 * trail's hash chain) get their rows from the mutations instead.
 */
export function generatedWorld(seed: number): { table: SyncedTable; row: Record<string, unknown> }[] {
  const stamp = generatorStamp();
  const ids = new Map<SyncedTable, string>();
  const out: { table: SyncedTable; row: Record<string, unknown> }[] = [];
  for (const [i, table] of APPLY_ORDER.entries()) {
    if (specOf(table).rowProblem) continue;
    const row = generatedRow(table, ids, stamp, seed + i);
    ids.set(table, String(row.id));
    out.push({ table, row });
  }
  return out;
}

/** A stamp newer than anything the test's laptops stamped, so generated writes win every merge. */
export function generatorStamp(): string {
  return new HybridLogicalClock('generator', () => Date.now() + 1000).tick();
}

/** A row as compared across stores: exactly its table's fields, canonical JSON. */
export function comparable(table: SyncedTable, row: Readonly<Record<string, unknown>>): string {
  return canonicalJson(Object.fromEntries(specOf(table).columns.map((c) => [c.field, row[c.field] ?? null])));
}
