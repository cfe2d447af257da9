import fc from 'fast-check';

/**
 * Test support (never imported by production code): fast-check arbitraries from the JSON Schemas
 * of the OpenAPI document, for the contract fuzzer. Covers the subset `z.toJSONSchema` writes:
 * $ref, const, enum, anyOf/oneOf, type lists, objects, arrays and tuples, numbers with bounds,
 * strings with formats, patterns and lengths.
 */
export type JsonSchema = Record<string, unknown>;

/** Follows a local `$ref` (`#/components/schemas/X`) inside `root`. */
export function deref(node: JsonSchema, root: JsonSchema): JsonSchema {
  let current = node;
  while (typeof current.$ref === 'string') {
    const target = current.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], root);
    current = target as JsonSchema;
  }
  return current;
}

const instant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true });

/** The document being fuzzed, and ids of rows that exist (so a generated reference sometimes names one). */
export interface FuzzContext {
  root: JsonSchema;
  ids: string[];
}

function stringOf(s: JsonSchema, ids: string[]): fc.Arbitrary<string> {
  const minLength = (s.minLength as number | undefined) ?? 0;
  const maxLength = Math.min((s.maxLength as number | undefined) ?? 40, 40);
  if (s.format === 'uuid') return ids.length ? fc.oneof(fc.constantFrom(...ids), fc.uuid({ version: 7 })) : fc.uuid({ version: 7 });
  if (s.format === 'date-time') return instant.map((d) => d.toISOString());
  if (s.format === 'date') return instant.map((d) => d.toISOString().slice(0, 10));
  if (Array.isArray(s.examples)) return fc.constantFrom(...(s.examples as string[]));
  if (typeof s.pattern === 'string')
    return fc
      .stringMatching(new RegExp(s.pattern))
      .filter((x) => x.length >= minLength && x.length <= ((s.maxLength as number) ?? Infinity));
  return fc.string({ minLength: Math.min(minLength, maxLength), maxLength: Math.max(minLength, maxLength) });
}

function numberOf(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lowest = (s.minimum as number | undefined) ?? (s.exclusiveMinimum as number | undefined) ?? -1e6;
  const highest = (s.maximum as number | undefined) ?? (s.exclusiveMaximum as number | undefined) ?? 1e6;
  if (integer) {
    const min = Math.ceil(lowest + (s.exclusiveMinimum !== undefined ? 1 : 0));
    const max = Math.floor(highest - (s.exclusiveMaximum !== undefined ? 1 : 0));
    return fc.integer({ min, max });
  }
  return fc.double({
    min: lowest,
    max: highest,
    minExcluded: s.exclusiveMinimum !== undefined,
    maxExcluded: s.exclusiveMaximum !== undefined,
    noNaN: true,
    noDefaultInfinity: true,
  });
}

function objectOf(s: JsonSchema, ctx: FuzzContext, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = (s.properties as Record<string, JsonSchema> | undefined) ?? {};
  const record = Object.fromEntries(Object.entries(properties).map(([key, p]) => [key, arbitraryOf(p, ctx, depth + 1)]));
  return fc.record(record, { requiredKeys: (s.required as string[] | undefined) ?? [] });
}

/**
 * Values that the schema describes (refinements the schema can't say, such as "no overlapping
 * hours", aside), and its examples when it has some: they reach the checks behind those refinements.
 */
export function arbitraryOf(node: JsonSchema, ctx: FuzzContext, depth = 0): fc.Arbitrary<unknown> {
  const s = deref(node, ctx.root);
  const generated = generatedOf(s, ctx, depth);
  return Array.isArray(s.examples) && s.type !== 'string' ? fc.oneof(fc.constantFrom(...(s.examples as unknown[])), generated) : generated;
}

function generatedOf(s: JsonSchema, ctx: FuzzContext, depth: number): fc.Arbitrary<unknown> {
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const alternatives = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (alternatives && !s.type) return fc.oneof(...alternatives.map((a) => arbitraryOf(a, ctx, depth)));
  if (Array.isArray(s.type)) return fc.oneof(...(s.type as string[]).map((type) => arbitraryOf({ ...s, type }, ctx, depth)));
  switch (s.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number':
      return numberOf(s, s.type === 'integer');
    case 'string':
      return stringOf(s, ctx.ids);
    case 'array': {
      if (Array.isArray(s.prefixItems)) return fc.tuple(...(s.prefixItems as JsonSchema[]).map((p) => arbitraryOf(p, ctx, depth + 1)));
      const items = (s.items as JsonSchema | undefined) ?? {};
      const minLength = (s.minItems as number | undefined) ?? 0;
      // Deep arrays stay short, so a contract's closures or hours don't grow a body past reason.
      const maxLength = Math.max(minLength, Math.min((s.maxItems as number | undefined) ?? 4, depth > 2 ? 2 : 4));
      return fc.array(arbitraryOf(items, ctx, depth + 1), { minLength, maxLength });
    }
    case 'object':
      return objectOf(s, ctx, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Every path to a value inside `value` (objects and arrays), the root included as []. */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const paths = [at];
  if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) paths.push(...pathsOf(child, [...at, Array.isArray(value) ? Number(key) : key]));
  return paths;
}

function setAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  copy[head] = setAt(copy[head], rest, replacement);
  return copy;
}

function dropAt(value: unknown, path: (string | number)[]): unknown {
  if (path.length === 0) return undefined;
  const parent = path.slice(0, -1).reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], value);
  if (!parent || typeof parent !== 'object' || Array.isArray(parent)) return value;
  const { [path[path.length - 1] as string]: _gone, ...rest } = parent as Record<string, unknown>;
  return setAt(value, path.slice(0, -1), rest);
}

/** What a hostile client puts where a valid value belongs. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', 'x'.repeat(100_000), '2026-02-30', '2026-13-01T25:61', '24:00', 'NaN', '../..', '%00'),
  fc.constantFrom(0, -1, -0, 1e308, -1e308, 2 ** 53, 0.1, Number.MIN_VALUE),
  fc.constantFrom(null, true, [], {}, [[[[[]]]]], { __proto__: { x: 1 } }),
);

/**
 * A value from `valid`, then mostly bent out of shape: a field replaced with something hostile,
 * a field left out, or a field added. A quarter stay as generated.
 */
export function hostileVariant(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.nat(), hostileValue, fc.constantFrom('keep', 'replace', 'drop', 'extra'), fc.string({ minLength: 1, maxLength: 12 }))
    .map(([value, pick, replacement, how, extraKey]) => {
      const paths = pathsOf(value);
      const path = paths[pick % paths.length]!;
      if (how === 'replace') return setAt(value, path, replacement);
      if (how === 'drop') return dropAt(value, path);
      if (how === 'extra' && value && typeof value === 'object' && !Array.isArray(value)) return { ...value, [extraKey]: replacement };
      return value;
    });
}

/** `node` with every local `$ref` replaced by what it names (the document has no cycles). */
export function inlineRefs(node: unknown, root: JsonSchema): unknown {
  if (Array.isArray(node)) return node.map((n) => inlineRefs(n, root));
  if (!node || typeof node !== 'object') return node;
  const resolved = deref(node as JsonSchema, root);
  return Object.fromEntries(Object.entries(resolved).map(([key, value]) => [key, inlineRefs(value, root)]));
}
