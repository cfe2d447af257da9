import { z } from 'zod';
import { ERROR_CODES, type ErrorCode as Code } from '../errors';

export const ErrorCode = z.enum(ERROR_CODES);

/** Codes that mean "this mutation can never apply": the server records it and moves on. */
export const PERMANENT_REJECTIONS: ReadonlySet<Code> = new Set(['invalid_args', 'unknown_call', 'not_found', 'conflict', 'forbidden']);
