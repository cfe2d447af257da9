import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { VangnetError } from '../../../shared/errors';
import { invalidArgs } from '../../../shared/validation';
import { en } from '../i18n/en';
import { nl } from '../i18n/nl';
import { icalReasonText } from '../rooms/clients/closureText';
import { errorText, issueSentence, issueText } from './errorText';
import { ContractTerms, contractTemplate } from '../../../shared/domain/contract';
import { issueFromZod } from '../../../shared/validation';

async function translator(lng: 'nl' | 'en'): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({ lng, resources: { en: { translation: en }, nl: { translation: nl } }, interpolation: { escapeValue: false } });
  return i18n.t as unknown as TFunction;
}

describe('errors on screen', () => {
  it('renders a field issue from its code and bounds, in Dutch and English', async () => {
    const [tNl, tEn] = [await translator('nl'), await translator('en')];
    const tooBig = { code: 'number.max', params: { max: 1 } } as const;
    expect(issueText(tNl, tooBig)).toBe('mag hoogstens 1 zijn');
    expect(issueText(tEn, tooBig)).toBe('must be at most 1');
    expect(issueText(tNl, { code: 'taken', params: { by: 'Acme' } })).toBe('is al in gebruik bij Acme');
  });

  it('words a percentage field above 100 % as a Dutch sentence naming the field, from the schema itself', async () => {
    const [tNl, tEn] = [await translator('nl'), await translator('en')];
    const parsed = ContractTerms.safeParse({ ...contractTemplate('subscription'), atRisk: { fraction: 1.5, leadMinutes: 15 } });
    expect(parsed.success).toBe(false);
    const issue = issueFromZod(parsed.error!.issues[0]!);
    expect(issue).toMatchObject({ path: 'atRisk.fraction', code: 'number.percentage' });
    expect(issueSentence(tNl, { ...issue, path: `terms.${issue.path}` })).toBe('Het percentage voor ‘dreigt te laat’ moet tussen 0 en 100 % liggen');
    expect(issueSentence(tEn, issue)).toBe('At-risk percentage: must be from 0 to 100 %');
    expect(issueSentence(tNl, issue)).not.toMatch(/Too big|expected|<=|must/);
    // List indexes are not part of a name; a field without a name is named by its path.
    expect(issueSentence(tNl, { path: 'pauses.0', code: 'format.dateTime' })).toBe('De pauzes moet een datum en tijd zijn');
    expect(issueSentence(tNl, { path: 'pauses.0.to', code: 'format.dateTime' })).toBe('pauses.0.to moet een datum en tijd zijn');
  });

  it('renders an error from its key and params, never from its English message', async () => {
    const tNl = await translator('nl');
    const taken = new VangnetError('conflict', 'client.codeTaken', { code: 'ACME', by: 'Acme' }).toInfo();
    expect(errorText(tNl, taken)).toBe('Klantcode ACME is al in gebruik bij Acme');
    const invalid = invalidArgs('arguments for incidents.create', [{ path: 'clientId', code: 'format.uuid' }]).toInfo();
    expect(errorText(tNl, invalid)).toBe('Ongeldige invoer: controleer de gemarkeerde velden (clientId)');
    expect(errorText(tNl, invalid)).not.toContain('Invalid');
  });

  it('puts the action and roles of a refusal in the words of the screen, not the English of the server', async () => {
    const [tNl, tEn] = [await translator('nl'), await translator('en')];
    const refused = { code: 'forbidden' as const, key: 'permission.forbidden', params: { action: 'changeContract', role: 'lead', name: 'Sanne', has: 'engineer' }, message: 'x' };
    expect(errorText(tNl, refused)).toBe('Hiervoor is de rol teamleider nodig (Een contract wijzigen); Sanne heeft de rol engineer');
    expect(errorText(tEn, refused)).toBe('Changing a contract needs the lead role; Sanne has the engineer role');
    // An action a newer server names stays visible as its key rather than vanishing.
    expect(errorText(tEn, { ...refused, params: { ...refused.params, action: 'approveBudget' } })).toContain('approveBudget needs the lead role');
  });

  it('falls back to the headline of the code for an error without a key it knows', async () => {
    const tNl = await translator('nl');
    expect(errorText(tNl, { code: 'not_found', message: 'Unknown incident 1' })).toBe(nl.errors.title.not_found);
    expect(errorText(tNl, { code: 'conflict', key: 'some.future.key', message: 'x' })).toBe(nl.errors.title.conflict);
    expect(issueText(tNl, { code: 'some.future.code' as never })).toBe('is niet geldig');
  });
});

describe('iCal notes on screen', () => {
  it('renders the importer’s note from its code, in Dutch', async () => {
    const tNl = await translator('nl');
    expect(icalReasonText(tNl, { code: 'timeZone', params: { zone: 'Mars', contractZone: 'Europe/Amsterdam' } })).toBe(
      'onbekende tijdzone “Mars”: gelezen als tijd in Europe/Amsterdam',
    );
  });
});
