import { z } from 'zod';
import { type FieldIssue, type IssueInput, type MessageParams, VangnetError, withMessage } from './errors';
import { type IssueCode, isIssueCode } from './messages/catalog';

/**
 * One zod issue as a field issue: the one place zod's wording becomes codes with bounds
 * (`number.max` with `{max: 1}`), so no front reads zod's English. A schema that needs its own
 * wording sets an issue code as its message (`{ message: 'format.clientCode' }`), with `params`
 * on refinements.
 */
export function issueFromZod(issue: z.core.$ZodIssue): FieldIssue {
  const path = issue.path.map(String).join('.') || '(root)';
  return withMessage({ path, ...codeOf(issue) });
}

function codeOf(issue: z.core.$ZodIssue): Omit<IssueInput, 'path'> {
  const custom = issue.code === 'custom' ? (issue.params as MessageParams | undefined) : undefined;
  if (isIssueCode(issue.message)) return custom ? { code: issue.message, params: custom } : { code: issue.message };
  switch (issue.code) {
    case 'invalid_type':
      // Only a parse with `reportInput` says what it got (parseOrThrow asks for it); without, "required" is the likely case.
      return !('input' in issue) || issue.input === undefined ? { code: 'required' } : { code: 'type', params: { expected: issue.expected } };
    case 'too_big':
      return bound(issue.origin, 'max', Number(issue.maximum), issue.inclusive !== false);
    case 'too_small':
      return bound(issue.origin, 'min', Number(issue.minimum), issue.inclusive !== false);
    case 'invalid_format':
      return { code: FORMATS[issue.format] ?? 'format.invalid' };
    case 'invalid_value':
      return { code: 'enum', params: { options: issue.values.map(String).join(', ') } };
    case 'unrecognized_keys':
      return { code: 'unknownKeys', params: { keys: issue.keys.join(', ') } };
    case 'not_multiple_of':
      return { code: 'number.integer' };
    default:
      return { code: 'invalid' };
  }
}

const FORMATS: Record<string, IssueCode> = {
  uuid: 'format.uuid',
  guid: 'format.uuid',
  url: 'format.url',
  email: 'format.email',
  datetime: 'format.dateTime',
  date: 'format.date',
  time: 'format.time',
};

/** A size bound: text length, a number, or a list's length; an empty text or list reads as "must not be empty". */
function bound(origin: string, side: 'min' | 'max', limit: number, inclusive: boolean): Omit<IssueInput, 'path'> {
  if (origin === 'string') {
    if (side === 'min' && limit <= 1) return { code: 'text.empty' };
    return side === 'min' ? { code: 'text.min', params: { min: limit } } : { code: 'text.max', params: { max: limit } };
  }
  if (origin === 'array' || origin === 'set') {
    if (side === 'min' && limit <= 1) return { code: 'list.empty' };
    return side === 'min' ? { code: 'list.min', params: { min: limit } } : { code: 'list.max', params: { max: limit } };
  }
  if (side === 'min') return inclusive ? { code: 'number.min', params: { min: limit } } : { code: 'number.above', params: { min: limit } };
  return inclusive ? { code: 'number.max', params: { max: limit } } : { code: 'number.below', params: { max: limit } };
}

/** Parses `input` with `schema` or throws an `invalid_args` error that names every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  throw invalidArgs(what, parsed.error.issues.map(issueFromZod));
}

/** The `invalid_args` error for `issues`; its English message lists them all, for the CLI and logs. */
export function invalidArgs(what: string, issues: readonly IssueInput[]): VangnetError {
  const full = issues.map(withMessage);
  const summary = full.map((i) => (i.path === '(root)' ? i.message : `${i.path}: ${i.message}`)).join('; ');
  const fields = full.map((i) => i.path).join(', ');
  return new VangnetError('invalid_args', 'call.invalid', { what, summary, fields }, issues);
}

/** The issue code of text holding a lone surrogate (see `isWellFormedText`). */
export const ILL_FORMED_TEXT: IssueCode = 'illFormed';

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
  return z.string().refine(isWellFormedText, { message: ILL_FORMED_TEXT });
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
