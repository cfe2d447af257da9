import { z } from 'zod';
import { ClientCreateInput, IncidentCreateInput, IncidentUpdateInput } from '../../shared/contract';
import { Client } from '../../shared/domain/client';
import { IsoTime } from '../../shared/domain/common';
import { Contract, ContractTerms } from '../../shared/domain/contract';
import { Incident, IncidentStatus } from '../../shared/domain/incident';
import { LocalDate } from '../../shared/sla/calendar';
import { SlaView } from '../../shared/sla/view';

/** JSON Schema of a zod schema as the API shows it (output side, no merge bookkeeping). */
function schema(type: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(type, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

const problem = {
  description: 'An RFC 9457 problem document',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

function page(ref: string) {
  return {
    type: 'object',
    required: ['items', 'nextCursor'],
    properties: { items: { type: 'array', items: { $ref: ref } }, nextCursor: { type: ['string', 'null'] } },
  };
}

const listParams = [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
  { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'nextCursor of the previous page' },
];
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const json = (ref: string) => ({ content: { 'application/json': { schema: { $ref: ref } } } });

let cached: Record<string, unknown> | undefined;

/** The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas that validate requests. */
export function openApiDocument(): Record<string, unknown> {
  cached ??= {
    openapi: '3.1.0',
    info: { title: 'Vangnet office server API', version: '1.0.0', description: 'Clients and incidents. Every write is a synced mutation.' },
    servers: [{ url: '/' }],
    security: [{ deviceToken: [] }],
    paths: {
      '/api/v1/clients': {
        get: {
          summary: 'List clients',
          parameters: listParams,
          responses: {
            200: { description: 'A page of clients', content: { 'application/json': { schema: page('#/components/schemas/Client') } } },
            401: problem,
          },
        },
        post: {
          summary: 'Create a client',
          requestBody: { required: true, ...json('#/components/schemas/ClientCreate') },
          responses: { 201: { description: 'Created', ...json('#/components/schemas/Client') }, 400: problem, 401: problem, 409: problem },
        },
      },
      '/api/v1/incidents': {
        get: {
          summary: 'List incidents',
          parameters: [
            ...listParams,
            { name: 'clientId', in: 'query', schema: { type: 'string', format: 'uuid' } },
            { name: 'status', in: 'query', schema: schema(Incident.shape.status) },
            { name: 'priority', in: 'query', schema: schema(Incident.shape.priority) },
          ],
          responses: {
            200: { description: 'A page of incidents', content: { 'application/json': { schema: page('#/components/schemas/Incident') } } },
            401: problem,
          },
        },
        post: {
          summary: 'Log an incident (openedAt for one reported earlier)',
          requestBody: { required: true, ...json('#/components/schemas/IncidentCreate') },
          responses: {
            201: { description: 'Created', ...json('#/components/schemas/Incident') },
            400: problem,
            401: problem,
            404: problem,
          },
        },
      },
      '/api/v1/incidents/{id}/status': {
        post: {
          summary: 'Move an incident along its lifecycle (`at` for something that happened earlier)',
          parameters: [idParam],
          requestBody: { required: true, ...json('#/components/schemas/StatusChange') },
          responses: {
            200: { description: 'The incident with its clocks', ...json('#/components/schemas/Incident') },
            400: problem,
            404: problem,
          },
        },
      },
      '/api/v1/clients/{id}/contracts': {
        get: {
          summary: "A client's contract in force and every version",
          parameters: [idParam],
          responses: {
            200: {
              description: 'Contracts',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      current: { oneOf: [{ $ref: '#/components/schemas/Contract' }, { type: 'null' }] },
                      history: { type: 'array', items: { $ref: '#/components/schemas/Contract' } },
                    },
                  },
                },
              },
            },
            404: problem,
          },
        },
        post: {
          summary: 'Add a contract version from a date',
          parameters: [idParam],
          requestBody: { required: true, ...json('#/components/schemas/ContractSet') },
          responses: { 201: { description: 'Created', ...json('#/components/schemas/Contract') }, 400: problem, 404: problem },
        },
      },
      '/api/v1/incidents/{id}': {
        get: {
          summary: 'One incident',
          parameters: [idParam],
          responses: { 200: { description: 'The incident', ...json('#/components/schemas/Incident') }, 404: problem },
        },
        patch: {
          summary: 'Change title, description or priority',
          parameters: [idParam],
          requestBody: { required: true, ...json('#/components/schemas/IncidentUpdate') },
          responses: { 200: { description: 'Updated', ...json('#/components/schemas/Incident') }, 400: problem, 404: problem },
        },
      },
    },
    components: {
      securitySchemes: { deviceToken: { type: 'http', scheme: 'bearer', description: 'A device token from pairing (vangnet login)' } },
      schemas: {
        Client: schema(Client.omit({ fieldVersions: true })),
        ClientCreate: schema(ClientCreateInput, 'input'),
        Incident: schema(Incident.omit({ fieldVersions: true }).extend({ sla: SlaView.nullable() })),
        StatusChange: schema(z.object({ to: IncidentStatus, at: IsoTime.optional() }), 'input'),
        Contract: schema(Contract.omit({ fieldVersions: true })),
        ContractSet: schema(z.object({ effectiveFrom: LocalDate.optional(), terms: ContractTerms }), 'input'),
        IncidentCreate: schema(IncidentCreateInput, 'input'),
        IncidentUpdate: schema(IncidentUpdateInput.omit({ id: true }), 'input'),
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail', 'code'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            code: { type: 'string' },
            errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
      },
    },
  };
  return cached;
}
