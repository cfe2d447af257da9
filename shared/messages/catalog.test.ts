import { describe, expect, it } from 'vitest';
import { VangnetError } from '../errors';
import { catalogKeys, englishMessage, interpolate, isIssueCode, isMessageKey } from './catalog';
import { en } from './en';
import { nl } from './nl';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
/** Dutch leaves out the English field summary of a validation error and names the fields instead. */
const DUTCH_ONLY: Record<string, string[]> = { 'errors.call.invalid': ['fields'] };
const at = (catalog: object, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], catalog) as string;

describe('message catalogs', () => {
  // nl.ts is typed by en.ts, but a cast or a stray `as` would slip past: the keys are compared as data too.
  it('gives every error key and issue code an English and a Dutch text, naming only values the error carries', () => {
    const keys = catalogKeys(en);
    expect(catalogKeys(nl)).toEqual(keys);
    expect(keys.length).toBeGreaterThan(100);
    for (const key of keys) {
      expect(at(en, key).trim(), key).not.toBe('');
      expect(at(nl, key).trim(), key).not.toBe('');
      const allowed = [...placeholders(at(en, key)), ...(DUTCH_ONLY[key] ?? [])];
      for (const name of placeholders(at(nl, key))) expect(allowed, `${key} names {{${name}}}`).toContain(name);
    }
  });

  it('knows its keys and codes, and nothing else', () => {
    expect(isMessageKey('incident.unknown')).toBe(true);
    expect(isMessageKey('incident')).toBe(false);
    expect(isMessageKey('Unknown incident 1')).toBe(false);
    expect(isIssueCode('number.max')).toBe(true);
    expect(isIssueCode('must be a UUID')).toBe(false);
  });

  it('renders the English text for logs and the CLI, leaving an unfilled placeholder visible', () => {
    expect(englishMessage('client.codeTaken', { code: 'ACME', by: 'Acme' })).toBe('Client code ACME is already used by Acme');
    expect(interpolate('{{a}} and {{b}}', { a: 1 })).toBe('1 and {{b}}');
    const err = new VangnetError('conflict', 'client.codeTaken', { code: 'ACME', by: 'Acme' }, [{ path: 'code', code: 'taken', params: { by: 'Acme' } }]);
    expect(err.toInfo()).toEqual({
      code: 'conflict',
      key: 'client.codeTaken',
      params: { code: 'ACME', by: 'Acme' },
      message: 'Client code ACME is already used by Acme',
      issues: [{ path: 'code', code: 'taken', params: { by: 'Acme' }, message: 'is already used by Acme' }],
    });
  });
});
