import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { line, text } from './domain/common';
import { contractTemplate } from './domain/contract';
import { findMutation } from './mutations/index';
import { illFormedPath, isWellFormedText, refuseIllFormedText } from './validation';

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
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ['terms', 'closures', 0, 'label'], message: expect.stringContaining('well-formed') })]);
  });
});
