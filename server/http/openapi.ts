import { z } from 'zod';
import { ClientCreateInput, IncidentCreateInput } from '../../shared/contract';
import { Client } from '../../shared/domain/client';
import { Contract } from '../../shared/domain/contract';
import { Incident } from '../../shared/domain/incident';
import { SlaView } from '../../shared/sla/view';
import { StatementView } from '../../shared/contract/statement';
import { StatementFormat, StatementPath } from './statementRoute';
import { ContractSet, IncidentFilter, IncidentPatch, Page, PathId, StatusChange } from './apiSchemas';
import { BILLING_OPERATIONS, billingSchemas } from './openapiBilling';
import { PROBLEM_RESPONSES, type ProblemResponse, problemComponents } from './openapiProblems';

/** JSON Schema of a zod schema as the API shows it: requests on the input side, answers on the output side. */
function schema(type: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(type, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const page = (item: string) => ({
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: { items: { type: 'array', items: ref(item) }, nextCursor: { type: ['string', 'null'] } },
});

/** One operation of the document; its error statuses follow from what it takes (see `errorsOf`). */
export interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  operationId: string;
  summary: string;
  /** Behind a device token (every /api/v1 route but the document itself). */
  auth: boolean;
  query?: z.ZodObject;
  pathId?: boolean;
  /** More path parameters after `id`, by name. */
  pathMore?: Record<string, z.ZodType>;
  /** Component name of the request body's schema. */
  body?: string;
  ok: { status: number; description: string; schema: object; type?: string; alternatives?: Record<string, object> };
  /** Statuses that depend on the data: 404 for an unknown id, 409 for a conflict. */
  also?: ProblemResponse[];
  /** Answered even under load (the load balancer's and Prometheus's probes). */
  neverShed?: boolean;
}

const json = 'application/json';

const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This document',
    auth: false,
    ok: { status: 200, description: 'The OpenAPI 3.1 document', schema: { type: 'object' } },
  },
  {
    method: 'get',
    path: '/api/v1/clients',
    operationId: 'listClients',
    summary: 'List clients, ordered by id',
    auth: true,
    query: Page,
    ok: { status: 200, description: 'A page of clients', schema: page('Client') },
  },
  {
    method: 'post',
    path: '/api/v1/clients',
    operationId: 'createClient',
    summary: 'Create a client (code suggested from the name when left out)',
    auth: true,
    body: 'ClientCreate',
    ok: { status: 201, description: 'Created', schema: ref('Client') },
    also: ['conflict'],
  },
  {
    method: 'get',
    path: '/api/v1/incidents',
    operationId: 'listIncidents',
    summary: 'List incidents, ordered by id, with their clocks',
    auth: true,
    query: IncidentFilter,
    ok: { status: 200, description: 'A page of incidents', schema: page('Incident') },
  },
  {
    method: 'post',
    path: '/api/v1/incidents',
    operationId: 'createIncident',
    summary: 'Log an incident (openedAt for one reported earlier)',
    auth: true,
    body: 'IncidentCreate',
    ok: { status: 201, description: 'Created', schema: ref('Incident') },
    also: ['notFound'],
  },
  {
    method: 'get',
    path: '/api/v1/incidents/{id}',
    operationId: 'getIncident',
    summary: 'One incident with its clocks',
    auth: true,
    pathId: true,
    ok: { status: 200, description: 'The incident', schema: ref('Incident') },
    also: ['notFound'],
  },
  {
    method: 'patch',
    path: '/api/v1/incidents/{id}',
    operationId: 'updateIncident',
    summary: 'Change title, description or priority (at least one)',
    auth: true,
    pathId: true,
    body: 'IncidentUpdate',
    ok: { status: 200, description: 'Updated', schema: ref('Incident') },
    also: ['notFound'],
  },
  {
    method: 'post',
    path: '/api/v1/incidents/{id}/status',
    operationId: 'setIncidentStatus',
    summary: 'Move an incident along its lifecycle (`at` for something that happened earlier)',
    auth: true,
    pathId: true,
    body: 'StatusChange',
    ok: { status: 200, description: 'The incident with its clocks', schema: ref('Incident') },
    also: ['notFound'],
  },
  {
    method: 'get',
    path: '/api/v1/clients/{id}/contracts',
    operationId: 'getClientContracts',
    summary: "A client's contract in force today and every version",
    auth: true,
    pathId: true,
    ok: { status: 200, description: 'Contracts', schema: ref('Contracts') },
    also: ['notFound'],
  },
  {
    method: 'post',
    path: '/api/v1/clients/{id}/contracts',
    operationId: 'setClientContract',
    summary: 'Add a contract version from a date (today when left out)',
    auth: true,
    pathId: true,
    body: 'ContractSet',
    ok: { status: 201, description: 'Created', schema: ref('Contract') },
    also: ['forbidden', 'notFound'],
  },
  {
    method: 'get',
    path: '/api/v1/clients/{id}/statements/{month}',
    operationId: 'getClientStatement',
    summary: "A client's month statement (YYYY-MM in the contract's zone): JSON, or a CSV or PDF file in English or Dutch",
    auth: true,
    pathId: true,
    pathMore: { month: StatementPath.shape.month },
    query: StatementFormat,
    ok: {
      status: 200,
      description: 'The statement; an empty month is an empty statement',
      schema: ref('Statement'),
      alternatives: { 'text/csv': { type: 'string' }, 'application/pdf': { type: 'string', contentMediaType: 'application/pdf' } },
    },
    also: ['notFound'],
  },
  ...BILLING_OPERATIONS,
  {
    method: 'get',
    path: '/healthz',
    operationId: 'getHealth',
    summary: 'The process is up',
    auth: false,
    neverShed: true,
    ok: { status: 200, description: 'Up', schema: ref('Health') },
  },
  {
    method: 'get',
    path: '/readyz',
    operationId: 'getReadiness',
    summary: 'The database answers',
    auth: false,
    ok: { status: 200, description: 'Ready', schema: ref('Ready') },
    also: ['notReady'],
  },
  {
    method: 'get',
    path: '/metrics',
    operationId: 'getMetrics',
    summary: 'Prometheus metrics of this process',
    auth: false,
    neverShed: true,
    ok: { status: 200, description: 'Prometheus text format', schema: { type: 'string' }, type: 'text/plain' },
  },
];

/**
 * Every status an operation can answer besides its success: a bad query, path or body is 400; a
 * body can be too large (413) or of another type (415); a device token can be missing or wrong
 * (401), and too many failures get 429; a loaded server sheds with 503; a path id can be too
 * long (414) and any request too long a URL (431). Each comes as a problem document (414 and 431, from
 * the HTTP layer, as plain JSON), 429 and 503 with Retry-After.
 */
function errorsOf(op: Operation): ProblemResponse[] {
  const errors: ProblemResponse[] = [];
  if (op.auth || op.query || op.pathId || op.body) errors.push('badRequest');
  if (op.auth) errors.push('unauthorized', 'rateLimited');
  if (op.pathId) errors.push('uriTooLong');
  if (op.body) errors.push('tooLarge', 'unsupportedMediaType');
  errors.push(...(op.also ?? []));
  if (!op.neverShed && !op.also?.includes('notReady')) errors.push('overloaded');
  errors.push('headersTooLarge');
  return errors;
}

function operationObject(op: Operation): Record<string, unknown> {
  const parameters = [
    ...(op.pathId ? [{ name: 'id', in: 'path', required: true, schema: schema(PathId.shape.id, 'input') }] : []),
    ...Object.entries(op.pathMore ?? {}).map(([name, s]) => ({ name, in: 'path', required: true, schema: schema(s, 'input') })),
    ...Object.entries((op.query ? schema(op.query, 'input') : { properties: {} }).properties as Record<string, object>).map(
      ([name, s]) => ({ name, in: 'query', required: false, schema: s }),
    ),
  ];
  const responses: Record<string, unknown> = {
    [op.ok.status]: {
      description: op.ok.description,
      content: {
        [op.ok.type ?? json]: { schema: op.ok.schema },
        ...Object.fromEntries(Object.entries(op.ok.alternatives ?? {}).map(([type, s]) => [type, { schema: s }])),
      },
    },
  };
  for (const name of errorsOf(op)) responses[PROBLEM_RESPONSES[name].status] = { $ref: `#/components/responses/${name}` };
  return {
    operationId: op.operationId,
    summary: op.summary,
    security: op.auth ? [{ deviceToken: [] }] : [],
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: { [json]: { schema: ref(op.body) } } } } : {}),
    responses,
  };
}

let cached: Record<string, unknown> | undefined;

/** The OpenAPI 3.1 document of the HTTP API, generated from the same zod schemas that validate requests. */
export function openApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Vangnet office server API',
      version: '1.0.0',
      description:
        'Clients, incidents, contracts, statements, time, timers, budgets and change requests. Every write is a synced mutation. Errors are RFC 9457 problem documents; ' +
        'on 429 and 503 back off, and wait Retry-After seconds when it is given.',
    },
    servers: [{ url: '/' }],
    security: [{ deviceToken: [] }],
    paths,
    components: {
      securitySchemes: { deviceToken: { type: 'http', scheme: 'bearer', description: 'A device token from pairing (vangnet login)' } },
      schemas: {
        Client: schema(Client.omit({ fieldVersions: true })),
        ClientCreate: schema(ClientCreateInput, 'input'),
        Incident: schema(Incident.omit({ fieldVersions: true }).extend({ sla: SlaView.nullable() })),
        IncidentCreate: schema(IncidentCreateInput, 'input'),
        IncidentUpdate: schema(IncidentPatch, 'input'),
        StatusChange: schema(StatusChange, 'input'),
        Contract: schema(Contract.omit({ fieldVersions: true })),
        Contracts: {
          type: 'object',
          required: ['current', 'history'],
          properties: { current: { oneOf: [ref('Contract'), { type: 'null' }] }, history: { type: 'array', items: ref('Contract') } },
        },
        ContractSet: schema(ContractSet, 'input'),
        Statement: schema(StatementView),
        ...billingSchemas(schema),
        Health: { type: 'object', required: ['status'], properties: { status: { const: 'ok' } } },
        Ready: {
          type: 'object',
          required: ['status', 'dialect'],
          properties: { status: { const: 'ready' }, dialect: { enum: ['sqlite', 'postgres'] } },
        },
        ...problemComponents.schemas,
      },
      responses: problemComponents.responses,
    },
  };
  return cached;
}

/** Method and path of every operation in the document, for tests that hold it against the routes. */
export function documentedOperations(): { method: string; path: string; operationId: string }[] {
  return OPERATIONS.map(({ method, path, operationId }) => ({ method, path, operationId }));
}
