import type { z } from 'zod';
import { VangnetError } from './errors';

/** Parses `input` with `schema` or throws an `invalid_args` error that names every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  const summary = issues.map((i) => (i.path === '(root)' ? i.message : `${i.path}: ${i.message}`)).join('; ');
  throw new VangnetError('invalid_args', `Invalid ${what}: ${summary}`, issues);
}
