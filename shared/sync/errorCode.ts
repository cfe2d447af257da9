import { z } from 'zod';
import { ERROR_CODES, type ErrorCode as Code } from '../errors';

export const ErrorCode = z.enum(ERROR_CODES);

/** The values a message names (`MessageParams`, shared/messages/catalog.ts) as they cross a wire. */
export const MessageParamsSchema = z.record(z.string().max(100), z.union([z.string().max(10_000), z.number()]));

/**
 * An error as a value that crosses a wire or is stored (a refused push, a history that could not be
 * fetched): its code, its message key and params (the key absent from older servers; a key this
 * build does not know shows the code's headline), and its English text for logs and the CLI.
 */
export const ErrorValue = z.object({
  code: ErrorCode,
  key: z.string().max(200).optional(),
  params: MessageParamsSchema.optional(),
  message: z.string(),
});
export type ErrorValue = z.infer<typeof ErrorValue>;

/** Codes that mean "this mutation can never apply": the server records it and moves on. */
export const PERMANENT_REJECTIONS: ReadonlySet<Code> = new Set(['invalid_args', 'unknown_call', 'not_found', 'conflict', 'forbidden']);
