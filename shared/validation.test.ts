import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { line, text } from './domain/common';
import { contractTemplate } from './domain/contract';
import { findMutation } from './mutations/index';
import { VangnetError } from './errors';
import { illFormedPath, isWellFormedText, issueFromZod, parseOrThrow, refuseIllFormedText } from './validation';

describe('well-formed text', () => {
  it('tells lone surrogates from pairs', () => {
    expect(isWellFormedText('Website plat 🚒')).toBe(true);
    expect(isWellFormedText('\ud83d\ude92')).toBe(true);
    for (const bad of ['\ud800', 'a\udc00b', '\ude92\ud83d', 'x\ud83d']) expect(isWellFormedText(bad), JSON.stringify(bad)).toBe(false);
  });

  it('is refused by every text schema and, however deep, by the guard', () => {
    expect(line(10).safeParse('a\ud800').success).toBe(false);
    expect(text(10).safeParse('\udfff').success).toBe(false);
    expect(illFormedPath({ a: [1, { b: 'ok', c: 'x\ud800' }] })).toEqual(['a', 1, 'c']);
    expect(illFormedPath({ ['\ud800']: 1 })).toEqual(['\ud800']);
    const guarded = refuseIllFormedText(z.object({ any: z.array(z.string()) }));
    const parsed = guarded.safeParse({ any: ['ok', '\ud800'] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['any', 1]);
  });

  it("guards every mutation's arguments, also fields no text schema covers", () => {
    const def = findMutation('contract.set')!;
    const terms = { ...contractTemplate('prepaid'), closures: [{ kind: 'days', from: '2026-12-24', to: '2026-12-24', label: 'Kerst\ud800' }] };
    const parsed = def.args.safeParse({ id: crypto.randomUUID(), clientId: crypto.randomUUID(), effectiveFrom: '2026-01-01', terms });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ['terms', 'closures', 0, 'label'], message: 'illFormed' })]);
  });
});

describe('zod issues as codes', () => {
  const schema = z.object({
    clientId: z.uuid(),
    percentage: z.number().min(0).max(1),
    minutes: z.number().positive(),
    priority: z.enum(['P1', 'P2']),
    title: line(5),
    url: z.url(),
  });
  const valid = { clientId: crypto.randomUUID(), percentage: 0.5, minutes: 5, priority: 'P1', title: 'ok', url: 'https://a.nl' };
  const issuesOf = (patch: Record<string, unknown>) => {
    try {
      parseOrThrow(schema, { ...valid, ...patch }, 'test input');
    } catch (err) {
      expect(err).toBeInstanceOf(VangnetError);
      return (err as VangnetError).issues!.map(({ path, code, params }) => ({ path, code, ...(params ? { params } : {}) }));
    }
    throw new Error('expected a refusal');
  };

  it('maps formats, bounds, enums and missing fields to codes with their bounds', () => {
    expect(issuesOf({ clientId: 'acme' })).toEqual([{ path: 'clientId', code: 'format.uuid' }]);
    expect(issuesOf({ percentage: 1.5 })).toEqual([{ path: 'percentage', code: 'number.max', params: { max: 1 } }]);
    expect(issuesOf({ percentage: -1 })).toEqual([{ path: 'percentage', code: 'number.min', params: { min: 0 } }]);
    expect(issuesOf({ minutes: 0 })).toEqual([{ path: 'minutes', code: 'number.above', params: { min: 0 } }]);
    expect(issuesOf({ priority: 'P9' })).toEqual([{ path: 'priority', code: 'enum', params: { options: 'P1, P2' } }]);
    expect(issuesOf({ title: undefined })).toEqual([{ path: 'title', code: 'required' }]);
    expect(issuesOf({ title: 'far too long' })).toEqual([{ path: 'title', code: 'text.max', params: { max: 5 } }]);
    expect(issuesOf({ title: '  ' })).toEqual([{ path: 'title', code: 'text.empty' }]);
    expect(issuesOf({ url: 'not a url' })).toEqual([{ path: 'url', code: 'format.url' }]);
    expect(issuesOf({ percentage: 'half' })).toEqual([{ path: 'percentage', code: 'type', params: { expected: 'number' } }]);
  });

  it('takes a schema’s own issue code, with a refinement’s params', () => {
    const own = z.object({ zone: z.string().refine(() => false, { message: 'format.timeZone', params: { zone: 'Mars' } }) });
    const issue = own.safeParse({ zone: 'x' }).error!.issues[0]!;
    expect(issueFromZod(issue)).toEqual({
      path: 'zone',
      code: 'format.timeZone',
      params: { zone: 'Mars' },
      message: 'unknown time zone "Mars" (use an IANA name such as Europe/Amsterdam)',
    });
  });

  it('keeps an English message for the CLI and logs, built from the same catalog', () => {
    const err = (() => {
      try {
        parseOrThrow(schema, { ...valid, percentage: 2 }, 'arguments for test');
      } catch (e) {
        return e as VangnetError;
      }
      throw new Error('expected a refusal');
    })();
    expect(err.key).toBe('call.invalid');
    expect(err.message).toBe('Invalid arguments for test: percentage: must be at most 1');
    expect(err.toInfo()).toMatchObject({ code: 'invalid_args', key: 'call.invalid', params: { fields: 'percentage' } });
  });
});
