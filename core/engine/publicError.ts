import { randomUUID } from 'node:crypto';
import type pino from 'pino';
import { type ErrorInfo, internalError, toErrorInfo } from '../../shared/errors';

/**
 * What a front may see of a failure. A refusal (`VangnetError`) is shown as it is; anything
 * `internal` (a SQLite message, a bug, an `internal` refusal) is logged here with its details and
 * leaves only as a generic message with a short reference, so a person can point at the log entry
 * and no raw SQL or stack trace reaches a screen.
 */
export function publicError(err: unknown, log: pino.Logger, context: Record<string, unknown> = {}): ErrorInfo {
  const info = toErrorInfo(err);
  if (info.code !== 'internal') return info;
  const ref = randomUUID().slice(0, 8);
  log.error({ err, ref, ...context }, 'internal error');
  return internalError(ref);
}
