import { ERROR_CODES } from '../../shared/errors';

/**
 * The error answers of the OpenAPI document: each a problem document (RFC 9457, `problem.ts`),
 * with Retry-After where the client should wait before trying again.
 */
const retryAfter = (required: boolean) => ({
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    required,
    schema: { type: 'integer', minimum: 0 },
  },
});

export const PROBLEM_RESPONSES = {
  badRequest: {
    status: 400,
    description:
      'Invalid query, path, body or JSON, or text holding a NUL character (`invalid_args`; `errors` names every bad ' +
      'field). A path that is not valid ' +
      'percent-encoding is refused by the router before the API, as plain JSON (`FST_ERR_BAD_URL`)',
    framework: true,
  },
  unauthorized: { status: 401, description: 'Missing, unknown or revoked device token (`unauthorized`)' },
  forbidden: {
    status: 403,
    description: "The device's engineer lacks the role the change needs, e.g. setting a contract is for leads and admins (`forbidden`)",
  },
  notFound: { status: 404, description: 'An id names nothing (`not_found`)' },
  conflict: { status: 409, description: 'Conflicts with what exists, e.g. a client code in use (`conflict`)' },
  tooLarge: { status: 413, description: 'Body larger than 4 MiB (`too_large`)' },
  unsupportedMediaType: { status: 415, description: 'Body is not application/json' },
  rateLimited: {
    status: 429,
    description: 'Too many failed attempts from this address (`rate_limited`); wait Retry-After seconds',
    headers: retryAfter(true),
  },
  overloaded: {
    status: 503,
    description: 'The server sheds load; try again after Retry-After',
    headers: retryAfter(true),
  },
  uriTooLong: {
    status: 414,
    description: 'A path id longer than 100 characters, refused by the router before the API, as plain JSON',
    frameworkOnly: true,
  },
  headersTooLarge: {
    status: 431,
    description: 'URL and headers together larger than 16 KiB, refused by the HTTP layer as plain JSON',
    frameworkOnly: true,
  },
  notReady: {
    status: 503,
    description: 'The database is not reachable (`unavailable`), or the server sheds load (then with Retry-After)',
    headers: retryAfter(false),
  },
} as const satisfies Record<string, { status: number; description: string; headers?: object; framework?: true; frameworkOnly?: true }>;
export type ProblemResponse = keyof typeof PROBLEM_RESPONSES;

const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
const framework = { 'application/json': { schema: { $ref: '#/components/schemas/FrameworkError' } } };

export const problemComponents = {
  schemas: {
    Problem: {
      type: 'object',
      required: ['type', 'title', 'status', 'detail', 'code', 'key'],
      properties: {
        type: { type: 'string' },
        title: { type: 'string' },
        status: { type: 'integer' },
        detail: { type: 'string' },
        code: {
          type: 'string',
          description: `What went wrong, for programs: ${[...ERROR_CODES, 'rate_limited', 'too_large'].join(', ')}`,
        },
        key: { type: 'string', description: 'The message key (shared/messages/en.ts `errors`), for clients that show it translated' },
        params: {
          type: 'object',
          description: "The message's values (ids, bounds), named as its key's text names them",
          additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
        },
        errors: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'code', 'message'],
            properties: {
              path: { type: 'string' },
              code: { type: 'string', description: 'The issue code (shared/messages/en.ts `issues`), e.g. format.uuid, text.max' },
              params: { type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] } },
              message: { type: 'string' },
            },
          },
        },
      },
    },
    FrameworkError: {
      type: 'object',
      description: "Fastify's own error answer, for requests refused before they reach a route",
      required: ['error', 'message', 'statusCode'],
      properties: { error: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' }, statusCode: { type: 'integer' } },
    },
  },
  responses: Object.fromEntries(
    Object.entries(PROBLEM_RESPONSES).map(([name, r]) => [
      name,
      {
        description: r.description,
        ...('headers' in r ? { headers: r.headers } : {}),
        content: 'frameworkOnly' in r ? framework : 'framework' in r ? { ...problem, ...framework } : problem,
      },
    ]),
  ),
};
