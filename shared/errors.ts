/**
 * Errors that cross a boundary (engine -> UI, CLI, later the server) are values, never crashes.
 * Inside a room we throw `VangnetError`; the boundary turns it into `{ ok: false, error }`.
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

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Field-level problems, e.g. from schema validation: path -> message. */
  issues?: { path: string; message: string }[];
  /** What the UI needs to word the refusal in its own language, e.g. `{ role: 'lead' }` for `forbidden`. */
  params?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export class VangnetError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorInfo['issues'];
  readonly params: ErrorInfo['params'];

  constructor(code: ErrorCode, message: string, issues?: ErrorInfo['issues'], params?: ErrorInfo['params']) {
    super(message);
    this.name = 'VangnetError';
    this.code = code;
    this.issues = issues;
    this.params = params;
  }

  toInfo(): ErrorInfo {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.params ? { params: this.params } : {}),
    };
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, issues?: ErrorInfo['issues']): { ok: false; error: ErrorInfo } {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}

/** Converts anything thrown into an ErrorInfo without leaking stack traces across the boundary. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof VangnetError) return err.toInfo();
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}

/** Exhaustiveness check for switches over unions. */
export function missingCase(value: never): never {
  throw new Error(`missing case: ${JSON.stringify(value)}`);
}
