import { z } from 'zod';
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

export const ILL_FORMED_TEXT = 'must be well-formed text (it holds a lone UTF-16 surrogate)';

/**
 * Whether `s` is well-formed UTF-16. A lone surrogate can't be written as UTF-8: SQLite and
 * PostgreSQL each store a replacement character of their own, so the laptop's and the server's
 * copies (and their checksums) would differ for good. With the `u` flag a surrogate pair is one
 * code point, so `\p{Cs}` only matches the lone halves (ES2023's lib lacks `isWellFormed`).
 */
export function isWellFormedText(s: string): boolean {
  return !/\p{Cs}/u.test(s);
}

/** A string of well-formed text: the base of every text field (shared/domain/common.ts `line`, `text`). */
export function wellFormedText() {
  return z.string({ message: 'is required' }).refine(isWellFormedText, { message: ILL_FORMED_TEXT });
}

/** The path of the first ill-formed string anywhere in a JSON-like value (keys included), or null. */
export function illFormedPath(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return isWellFormedText(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = illFormedPath(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (!isWellFormedText(key)) return [...path, key];
      const found = illFormedPath(v, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * `schema`, refusing ill-formed text in any string it is given, however deep: the guard at every
 * entry (the contract's calls, every mutation's arguments), so no field can be forgotten.
 */
export function refuseIllFormedText<S extends z.ZodType>(schema: S): S {
  return schema.superRefine((value, ctx) => {
    const path = illFormedPath(value);
    if (path) ctx.addIssue({ code: 'custom', path, message: ILL_FORMED_TEXT });
  }) as S;
}
