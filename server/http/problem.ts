import type { FastifyReply } from 'fastify';
import { type ErrorCode, type FieldIssue, type MessageKey, type MessageParams, withMessage, type IssueInput } from '../../shared/errors';
import { englishMessage } from '../../shared/messages/catalog';

/** HTTP status for each error code the system uses; errors leave as RFC 9457 problem documents. */
export const STATUS_FOR: Record<ErrorCode, number> = {
  invalid_args: 400,
  unknown_call: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gap: 409,
  rolled_back: 409,
  clock_skew: 409,
  not_ready: 409,
  store_too_new: 500,
  store_corrupt: 500,
  store_damaged: 500,
  unavailable: 503,
  internal: 500,
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  /** English, for people reading the raw answer; programs read `code`, `key` and `params`. */
  detail: string;
  code: ErrorCode | 'rate_limited' | 'too_large';
  /** The message's key in shared/messages, so a client shows the refusal in its user's language. */
  key: MessageKey;
  params?: MessageParams;
  /** Every bad field, as issue codes with their bounds (and English `message`). */
  errors?: FieldIssue[];
  /** `rolled_back` only (shared/sync/rollback.ts): the first reused id, and the id new work must follow. */
  mutationId?: number;
  lastMutationId?: number;
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

export function problemFor(code: ErrorCode, key: MessageKey, params?: MessageParams, errors?: readonly IssueInput[]): Problem {
  const status = STATUS_FOR[code];
  return {
    type: `https://vangnet.invalid/problems/${code}`,
    title: code.replace(/_/g, ' '),
    status,
    detail: englishMessage(key, params),
    code,
    key,
    ...(params ? { params } : {}),
    ...(errors ? { errors: errors.map(withMessage) } : {}),
  };
}
