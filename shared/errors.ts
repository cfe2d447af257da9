import { englishIssue, englishMessage, type IssueCode, type MessageKey, type MessageParams } from './messages/catalog';

export type { IssueCode, MessageKey, MessageParams } from './messages/catalog';

/**
 * Errors that cross a boundary (engine -> UI, CLI, the server) are values, never crashes.
 * Inside a room we throw `VangnetError`; the boundary turns it into `{ ok: false, error }`.
 * An error is data: a `code` (what kind of refusal), a message `key` with `params` that each front
 * renders in its own language (shared/messages), and field `issues` as codes. `message` is the
 * English rendering, for logs and the CLI; no front parses it.
 */
export const ERROR_CODES = [
  'invalid_args',
  'unknown_call',
  'not_found',
  'conflict',
  'forbidden',
  'unauthorized',
  'not_ready',
  'store_too_new',
  'store_corrupt',
  /** The store is marked damaged (see `shared/storeHealth.ts`): reads still work, every write is refused. */
  'store_damaged',
  'clock_skew',
  'gap',
  'rolled_back',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One field's problem: where (the dotted path in the call's arguments), what (a code), and its bounds. */
export interface FieldIssue {
  path: string;
  code: IssueCode;
  params?: MessageParams;
  /** English, from the same catalog. */
  message: string;
}

/** A field issue as a throw site writes it: its English text is filled in from the catalog. */
export type IssueInput = Omit<FieldIssue, 'message'>;

export interface ErrorInfo {
  code: ErrorCode;
  /** The message's key in shared/messages; absent only in errors stored or sent by an older version. */
  key?: MessageKey;
  params?: MessageParams;
  /** English, for logs and the CLI. */
  message: string;
  /** Field-level problems, e.g. from schema validation. */
  issues?: FieldIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export function withMessage(issue: IssueInput): FieldIssue {
  return { ...issue, message: englishIssue(issue.code, issue.params) };
}

export class VangnetError extends Error {
  readonly code: ErrorCode;
  readonly key: MessageKey;
  readonly params: MessageParams | undefined;
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode, key: MessageKey, params?: MessageParams, issues?: readonly IssueInput[]) {
    super(englishMessage(key, params));
    this.name = 'VangnetError';
    this.code = code;
    this.key = key;
    this.params = params;
    this.issues = issues?.map(withMessage);
  }

  toInfo(): ErrorInfo {
    return errorInfo(this.code, this.key, this.params, this.issues);
  }
}

function errorInfo(code: ErrorCode, key: MessageKey, params?: MessageParams, issues?: FieldIssue[]): ErrorInfo {
  return {
    code,
    key,
    ...(params ? { params } : {}),
    message: englishMessage(key, params),
    ...(issues ? { issues } : {}),
  };
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, key: MessageKey, params?: MessageParams, issues?: readonly IssueInput[]): { ok: false; error: ErrorInfo } {
  return { ok: false, error: errorInfo(code, key, params, issues?.map(withMessage)) };
}

/**
 * Converts anything thrown into an ErrorInfo without leaking stack traces across the boundary.
 * Anything that is not a `VangnetError` (a SQLite message, a bug) is `internal`: its text is for
 * the log, never for a person: the engine's boundary logs it and sends `internalError(ref)` instead.
 */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof VangnetError) return err.toInfo();
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}

/** The generic `internal` error a person sees, pointing at the log entry that holds the details. */
export function internalError(ref: string): ErrorInfo {
  return errorInfo('internal', 'internal', { ref });
}

/** Exhaustiveness check for switches over unions. */
export function missingCase(value: never): never {
  throw new Error(`missing case: ${JSON.stringify(value)}`);
}
