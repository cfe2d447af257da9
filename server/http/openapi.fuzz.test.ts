import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contractTemplate } from '../../shared/domain/contract';
import { startTestServer, type TestServer } from '../testSupport';
import { MAX_FAILURES } from './authGuard';
import { openApiDocument } from './openapi';
import { arbitraryOf, hostileValue, hostileVariant, inlineRefs, type JsonSchema } from './schemaArbitrary';

/**
 * The contract fuzzer: every operation of the OpenAPI document gets requests made from the
 * document itself — valid bodies, bodies bent out of shape, bad ids, bad queries, wrong content
 * types, no or bad tokens — sent to a real server. Any 5xx, or any status, content type, header or
 * body the document does not list for that operation, fails. Seeded: a failure names its seed and
 * path, and `FUZZ_SEED=… npx vitest run server/http/openapi.fuzz.test.ts` replays it.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const NOW = Date.parse('2026-06-01T12:00:00Z');
const doc = openApiDocument() as JsonSchema & { paths: Record<string, Record<string, Operation>> };

interface Operation {
  operationId: string;
  security: unknown[];
  parameters?: { name: string; in: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { $ref?: string }>;
}
interface Sent {
  path: string;
  query: [string, string][];
  body?: { type?: string; text: string };
  auth: string | null;
}

const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
);

const RAW_BODIES = [
  '',
  '{',
  '{"a":',
  'null',
  '[]',
  '"x"',
  '1e999999',
  '{"__proto__":{"x":1}}',
  `{"title":"${'x'.repeat(5 * 1024 * 1024)}"}`,
];
const WRONG_TYPES = [undefined, 'text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x'];

/** The seeded rows a path's `{id}` may name: an entry for an entry's path, a change request for one's, a client or incident else. */
function pathIdsOf(path: string, ids: Seeded): string[] {
  if (path.startsWith('/api/v1/time-entries/')) return [ids.entry];
  if (path.endsWith('/status') && path.startsWith('/api/v1/change-requests/')) return [ids.ready];
  if (path.startsWith('/api/v1/change-requests/')) return [ids.changeRequest];
  if (path.includes('/budget')) return [ids.prepaid, ids.client];
  return [ids.client, ids.incident];
}

function requestArbitrary(path: string, op: Operation, seeded: Seeded): fc.Arbitrary<Omit<Sent, 'auth'>> {
  const ids = [seeded.client, seeded.incident];
  const badId = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('..', 'null', '0', '%ZZ', '%00', 'x'.repeat(5000)));
  const id = fc.oneof(
    fc.constantFrom(...pathIdsOf(path, seeded)),
    fc.uuid(),
    badId.map((s) => (s.startsWith('%') ? s : encodeURIComponent(s))),
  );
  const query = (op.parameters ?? []).filter((p) => p.in === 'query');
  const queryArb = fc
    .tuple(
      ...query.map((p) =>
        fc.option(fc.oneof(arbitraryOf(p.schema, { root: doc, ids }), hostileValue), { nil: undefined }).map((v) => [p.name, v] as const),
      ),
    )
    .map((pairs) =>
      pairs.flatMap(([name, v]): [string, string][] =>
        v === undefined ? [] : Array.isArray(v) ? v.map((x) => [name, String(x)]) : [[name, String(v)]],
      ),
    );
  const schema = op.requestBody?.content['application/json']?.schema;
  const bodyArb: fc.Arbitrary<Sent['body']> = schema
    ? fc.oneof(
        { weight: 8, arbitrary: hostileVariant(arbitraryOf(schema, { root: doc, ids })).map((v) => jsonBody(v)) },
        { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((text) => ({ type: 'application/json', text })) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom(...WRONG_TYPES), arbitraryOf(schema, { root: doc, ids }))
            .map(([type, v]) => ({ type, text: JSON.stringify(v) })),
        },
      )
    : fc.constant(undefined);
  // Path parameters besides the id (a statement's month): valid ones, and anything at all.
  const more = (op.parameters ?? []).filter((p) => p.in === 'path' && p.name !== 'id');
  const moreArb = fc.tuple(
    ...more.map((p) =>
      fc.oneof(fc.constantFrom('2026-03', '2026-06'), fc.string({ maxLength: 12 }).map(encodeURIComponent)).map((v) => [p.name, v] as const),
    ),
  );
  const pathArb = (path.includes('{id}') ? id.map((i) => path.replace('{id}', i)) : fc.constant(path)).chain((p) =>
    moreArb.map((pairs) => pairs.reduce((acc, [name, v]) => acc.replace(`{${name}}`, v), p)),
  );
  return fc.record({
    path: pathArb,
    query: queryArb,
    body: bodyArb,
  });
}

function jsonBody(value: unknown): Sent['body'] {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : { type: 'application/json', text };
}

async function send(url: string, method: string, req: Sent): Promise<Response> {
  const qs = req.query.length ? `?${new URLSearchParams(req.query).toString()}` : '';
  const headers: Record<string, string> = {};
  if (req.auth !== null) headers.authorization = req.auth;
  if (req.body?.type) headers['content-type'] = req.body.type;
  return fetch(`${url}${req.path}${qs}`, { method, headers, ...(req.body ? { body: req.body.text } : {}) });
}

/** Holds one answer against the document: listed status, its content type, required headers, body schema. */
async function expectDocumented(op: Operation, res: Response, label: string): Promise<void> {
  const text = await res.text();
  const where = `${label} answered ${res.status}: ${text.slice(0, 300)}`;
  expect(res.status, where).toBeLessThan(500);
  const documented = op.responses[String(res.status)];
  expect(documented, `${where} — status not in the document`).toBeDefined();
  const response = inlineRefs(documented, doc) as {
    headers?: Record<string, { required?: boolean }>;
    content: Record<string, { schema: JsonSchema }>;
  };
  for (const [name, header] of Object.entries(response.headers ?? {}))
    if (header.required) expect(res.headers.get(name), `${where} — no ${name} header`).not.toBeNull();
  const contentType = res.headers.get('content-type') ?? '';
  const match = Object.entries(response.content).find(([type]) => contentType.split(';')[0]!.trim() === type);
  expect(match, `${where} — content type ${contentType} not in the document`).toBeDefined();
  const [type, { schema }] = match!;
  // Files (a statement's CSV or PDF) and text are not JSON: their type is what is checked.
  if (type === 'text/plain' || type === 'text/csv' || type === 'application/pdf') return;
  const body: unknown = JSON.parse(text);
  // zod reads the document's schemas back (types, required and unknown fields, enums, formats); it
  // skips a few keywords such as `anyOf` beside `type`, which no answer schema uses.
  const checked = z.fromJSONSchema(schema as z.core.JSONSchema.JSONSchema).safeParse(body);
  expect(checked.error?.issues ?? [], `${where} — body not as documented`).toEqual([]);
  if (type === 'application/problem+json') expect((body as { status: number }).status, where).toBe(res.status);
}

async function pair(s: TestServer): Promise<string> {
  const code = await s.engineer('Fuzz Bot', undefined, 'lead'); // a lead: it sets contracts
  const res = await fetch(`${s.url}/sync/v1/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, clientId: 'fuzz', deviceName: 'fuzz' }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** A client with a contract and an incident, so generated ids and references sometimes name real rows. */
interface Seeded {
  client: string;
  incident: string;
  prepaid: string;
  entry: string;
  changeRequest: string;
  /** A change request the fuzzer does not edit, with estimate and quote: it can be sent. */
  ready: string;
}

async function seed(s: TestServer, token: string): Promise<Seeded> {
  const post = async (path: string, body: unknown) =>
    (await (
      await fetch(`${s.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json()) as { id: string };
  const client = await post('/api/v1/clients', { name: 'Fuzz BV', code: 'FUZZ' });
  await post(`/api/v1/clients/${client.id}/contracts`, { effectiveFrom: '2020-01-01', terms: contractTemplate('all_in') });
  const incident = await post('/api/v1/incidents', {
    clientId: client.id,
    title: 'Start',
    priority: 'P2',
    openedAt: '2026-05-01T08:00:00Z',
  });
  // Time, budget and change-request routes: a prepaid client, an entry and a change request ready to send.
  const prepaid = await post('/api/v1/clients', { name: 'Vooruit BV', code: 'PREP' });
  await post(`/api/v1/clients/${prepaid.id}/contracts`, { effectiveFrom: '2020-01-01', terms: contractTemplate('prepaid') });
  const logged = (await post('/api/v1/time-entries', { incidentId: incident.id, startedAt: '2026-05-20T09:00:00Z', minutes: 30 })) as unknown as {
    entry: { id: string };
  };
  const wish = await post('/api/v1/incidents', { clientId: client.id, title: 'Nieuwe koppeling', priority: 'P4', openedAt: '2026-05-01T08:00:00Z' });
  await post(`/api/v1/incidents/${wish.id}/convert`, { to: 'change-request', estimateMinutes: 600, quoteCents: 90_000 });
  const ready = await post('/api/v1/incidents', { clientId: client.id, title: 'Nieuw rapport', priority: 'P4', openedAt: '2026-05-01T08:00:00Z' });
  await post(`/api/v1/incidents/${ready.id}/convert`, { to: 'change-request', estimateMinutes: 240, quoteCents: 36_000 });
  return { client: client.id, incident: incident.id, prepaid: prepaid.id, entry: logged.entry.id, changeRequest: wish.id, ready: ready.id };
}

// The full run on SQLite; a shorter one on PostgreSQL, where the same routes run over another dialect.
const DIALECT_RUNS = [
  { dialect: 'sqlite', body: 100, other: 50 },
  { dialect: 'postgres', body: 12, other: 6 },
] as const;

describe.each(DIALECT_RUNS)('every operation of the OpenAPI document on $dialect', ({ dialect, body, other }) => {
  let server: TestServer;
  let token: string;
  let ids: Seeded;
  beforeAll(async () => {
    // A clock that moves a second per reading, so a timer started by one request can be stopped by a later one.
    let readings = 0;
    server = await startTestServer(dialect, () => NOW + (readings += 1) * 1000);
    token = await pair(server);
    ids = await seed(server, token);
  });
  afterAll(async () => server?.close());

  it.each(operations)('$method $path, fuzzed with a valid token', async ({ method, path, op }) => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(requestArbitrary(path, op, ids), async (req) => {
        const sent = { ...req, auth: op.security.length ? `Bearer ${token}` : null };
        const res = await send(server.url, method, sent);
        seen.add(res.status);
        await expectDocumented(op, res, `${method} ${sent.path}`);
      }),
      { seed: SEED, numRuns: op.requestBody ? body : other },
    );
    if (dialect !== 'sqlite') return;
    // The full run reaches both sides of every operation: its success, and a refusal where it takes input.
    expect([...seen]).toContain(Number(Object.keys(op.responses).find((status) => status.startsWith('2'))));
    if (op.parameters || op.requestBody) expect([...seen].some((status) => status >= 400 && status < 500)).toBe(true);
  });

  it('answers requests without a valid token only as documented (fewer failures than the brake allows)', async () => {
    const guarded = operations.filter(({ op }) => op.security.length > 0);
    const auth = fc.constantFrom(
      null,
      '',
      'Bearer',
      'Bearer nope',
      'Basic Zm9vOmJhcg==',
      `Bearer ${'x'.repeat(10_000)}`,
      `bearer  ${'a'.repeat(64)}`,
    );
    const attempt = fc
      .nat({ max: guarded.length - 1 })
      .chain((i) => fc.tuple(fc.constant(guarded[i]!), requestArbitrary(guarded[i]!.path, guarded[i]!.op, ids), auth));
    await fc.assert(
      fc.asyncProperty(attempt, async ([{ method, op }, req, header]) => {
        await expectDocumented(op, await send(server.url, method, { ...req, auth: header }), `${method} ${req.path} (auth ${header})`);
      }),
      // After MAX_FAILURES the guard answers 429 to this address, valid token or not, until the window passes.
      { seed: SEED, numRuns: MAX_FAILURES - 1 },
    );
  });
});
