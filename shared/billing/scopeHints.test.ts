import { describe, expect, it } from 'vitest';
import { englishBilling } from '../messages/catalog';
import { scopeHint } from './scopeHints';

const suggest = (title: string, description?: string) => scopeHint(title, description).suggestion;
const terms = (title: string, description?: string) => scopeHint(title, description).matches.map((m) => m.term);

describe('scope hints', () => {
  it('reads the seed’s new development as a change request, with the terms as its reason', () => {
    const hint = scopeHint('Uitbreiding webshop', 'Nieuwe functionaliteit: een extra betalingsprovider, een chatmodule of een volledig redesign');
    expect(hint.suggestion).toBe('change_request');
    expect(hint.reason).toEqual({ key: 'billing.scope.changeRequest', params: { terms: 'extra functionaliteit, nieuwe betaalprovider, chatmodule, redesign' } });
    expect(englishBilling(hint.reason!)).toBe('Probably new development (a change request): mentions extra functionaliteit, nieuwe betaalprovider, chatmodule, redesign');
    for (const t of ['Nieuwe betaalprovider toevoegen', 'Koppeling met Exact', 'REDESIGN homepage', 'Chat module op de site', 'Extra functionaliteit voor export', 'New payment provider', 'Add a payment provider', 'Integration with Salesforce', 'Video consults toevoegen', 'New feature: export'])
      expect(suggest(t), t).toBe('change_request');
  });

  it('reads the seed’s support as support, Dutch and English', () => {
    for (const t of ['SSL verloopt morgen', 'Certificaat vernieuwen', 'Wachtwoord vergeten', 'Site is traag', 'Fout 500 op checkout', 'HTTP 500 on login', 'Back-up mislukt', 'backup failed', 'Certificate expired', 'Forgot password', 'Checkout is slow', 'Firewall regel', 'Security patch voor plugin'])
      expect(suggest(t), t).toBe('support');
    expect(scopeHint('Site traag', 'sinds gisteren').reason).toEqual({ key: 'billing.scope.support', params: { terms: 'traag' } });
  });

  it('folds case and accents, and matches from a word start only', () => {
    expect(suggest('WACHTWOORD')).toBe('support');
    expect(suggest('wáchtwoord')).toBe('support');
    expect(terms('sslv3 uitzetten')).toEqual([]); // not the word SSL
    expect(terms('samenkoppeling')).toEqual([]);
    expect(terms('Designer gezocht')).toEqual([]);
    expect(terms('Nog traag?')).toEqual(['traag']);
  });

  it('does not take an amount for an HTTP 500', () => {
    for (const t of ['Offerte € 500', 'Budget €500', 'Kost 500 euro', '1500 bezoekers', 'versie 2.500', 'ticket #15001']) expect(suggest(t), t).toBeNull();
  });

  it('suggests nothing for text it does not recognise, and leaves both kinds to the engineer', () => {
    expect(scopeHint('Vraag over factuur')).toEqual({ suggestion: null, reason: null, matches: [] });
    expect(scopeHint('', '')).toEqual({ suggestion: null, reason: null, matches: [] });
    const mixed = scopeHint('Koppeling traag sinds update');
    expect(mixed).toMatchObject({ suggestion: null, reason: { key: 'billing.scope.mixed', params: { support: 'traag', change: 'koppeling' } } });
  });

  it('reads a huge pasted log quickly, up to its limit', () => {
    const log = `${'x'.repeat(50_000)} wachtwoord`;
    const started = performance.now();
    expect(suggest('Log', log)).toBeNull(); // past the part that is read
    expect(suggest('Log', `wachtwoord ${'x '.repeat(200_000)}`)).toBe('support');
    expect(performance.now() - started).toBeLessThan(500);
  });
});
