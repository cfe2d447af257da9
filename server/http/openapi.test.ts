import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestServer } from '../testSupport';
import { documentedOperations, openApiDocument } from './openapi';
import { inlineRefs, type JsonSchema } from './schemaArbitrary';

interface Doc {
  paths: Record<
    string,
    Record<
      string,
      { operationId: string; security: unknown[]; requestBody?: unknown; parameters?: unknown[]; responses: Record<string, unknown> }
    >
  >;
  components: { schemas: Record<string, JsonSchema> };
}
const doc = openApiDocument() as unknown as Doc & JsonSchema;

/** `METHOD /path` of every route Fastify holds, read from its route tree (HEAD is Fastify's own twin of GET). */
function registeredRoutes(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│├└─\s]*)(\/\S*) \(([^)]*)\)/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    const path = stack.join('').replace(/:(\w+)/g, '{$1}');
    for (const method of m[3]!.split(', ')) if (method !== 'HEAD' && method !== '-') routes.push(`${method} ${path}`);
  }
  return routes.sort();
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document (checked against the specification’s own schema)', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(openApiDocument()));
    expect(result.errors ?? []).toEqual([]);
    expect(validator.version).toBe('3.1');
  });

  it('lists exactly the routes the server has, sync protocol and monitoring webhooks aside (docs/sync-protocol.md, docs/alerts.md)', async () => {
    const server = await startTestServer('sqlite');
    try {
      // Webhooks take each monitoring system's own format and signature, not this API's; docs/alerts.md describes them.
      const routes = registeredRoutes(server.server.app.printRoutes({ commonPrefix: false })).filter(
        (r) => !r.includes(' /sync/v1/') && !r.includes(' /hooks/'),
      );
      expect(routes).toEqual(
        documentedOperations()
          .map((op) => `${op.method.toUpperCase()} ${op.path}`)
          .sort(),
      );
    } finally {
      await server.close();
    }
  });

  it('names each operation once, and lists for each the statuses it can answer', () => {
    const ids = new Set<string>();
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const where = `${method} ${path}`;
        expect(ids.has(op.operationId), where).toBe(false);
        ids.add(op.operationId);
        const statuses = Object.keys(op.responses);
        expect(
          statuses.filter((s) => s.startsWith('2')),
          where,
        ).toHaveLength(1);
        expect(statuses, where).toContain('431');
        if (op.security.length) expect(statuses, where).toEqual(expect.arrayContaining(['400', '401', '429', '503']));
        else expect(path === '/api/v1/openapi.json' || !path.startsWith('/api/'), where).toBe(true);
        if (op.requestBody) expect(statuses, where).toEqual(expect.arrayContaining(['400', '413', '415']));
        if (path.includes('{id}')) expect(statuses, where).toEqual(expect.arrayContaining(['400', '404', '414']));
        for (const status of ['429', '503'].filter((s) => statuses.includes(s))) {
          const response = inlineRefs(op.responses[status], doc) as { headers?: Record<string, { required: boolean }>; content: object };
          expect(response.headers?.['Retry-After'], `${where} ${status}`).toBeDefined();
          // Load shedding and the failed-attempts brake always say when to come back; a database down may not.
          expect(response.headers!['Retry-After']!.required, `${where} ${status}`).toBe(path !== '/readyz');
          expect(Object.keys(response.content), `${where} ${status}`).toEqual(['application/problem+json']);
        }
      }
    }
  });

  it('requires a PATCH to change something, as the server does', () => {
    // zod's fromJSONSchema ignores `anyOf` beside `type`, so the rule is read off the schema itself.
    const patch = doc.components.schemas.IncidentUpdate as { properties: object; anyOf?: { required: string[] }[] };
    const satisfied = (body: object) => (patch.anyOf ?? [{ required: [] }]).some((alt) => alt.required.every((key) => key in body));
    expect(satisfied({})).toBe(false);
    expect(satisfied({ unknown: 'field' })).toBe(false);
    expect(satisfied({ priority: 'P2' })).toBe(true);
    expect(patch.anyOf!.flatMap((alt) => alt.required).sort()).toEqual(Object.keys(patch.properties).sort());
  });

  it('states the calendars a contract’s target counts on, and dates and zones as what they are', () => {
    const contract = inlineRefs(doc.components.schemas.ContractSet, doc) as JsonSchema;
    const set = z.fromJSONSchema(contract as z.core.JSONSchema.JSONSchema);
    const example = (contract.examples as { terms: { targets: { P1: { response: { calendar: string } } } } }[])[0]!;
    expect(set.safeParse(example).success).toBe(true);
    example.terms.targets.P1.response.calendar = 'weekends';
    expect(set.safeParse(example).success).toBe(false);
    const text = JSON.stringify(contract);
    expect(text).toContain('"effectiveFrom":{"type":"string","format":"date"}');
    expect(text).toContain('"examples":["Europe/Amsterdam"');
  });
});
