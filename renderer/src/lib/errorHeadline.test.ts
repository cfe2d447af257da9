import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { nl } from '../i18n/nl';
import { errorHeadline } from './errorHeadline';

async function translator(lng: 'en' | 'nl') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { en: { translation: en }, nl: { translation: nl } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

describe('errorHeadline', () => {
  it('names the role a refusal needed, in Dutch and in English', async () => {
    const refusal = { code: 'forbidden' as const, message: 'Changing a contract needs the lead role', params: { role: 'lead' } };
    expect(errorHeadline(await translator('en'), refusal)).toBe('You need the lead role for this');
    expect(errorHeadline(await translator('nl'), refusal)).toBe('Hiervoor heb je de rol lead nodig');
    expect(errorHeadline(await translator('nl'), { ...refusal, params: { role: 'admin' } })).toBe('Hiervoor heb je de rol beheerder nodig');
  });

  it("falls back to the code's headline: a forbidden without a role, an unknown role or code", async () => {
    const t = await translator('en');
    expect(errorHeadline(t, { code: 'forbidden', message: 'x' })).toBe('You are not allowed to do this');
    expect(errorHeadline(t, { code: 'forbidden', message: 'x', params: { role: 'boss' } })).toBe('You are not allowed to do this');
    expect(errorHeadline(t, { code: 'conflict', message: 'x' })).toBe('This conflicts with existing data');
    expect(errorHeadline(t, { code: 'no_such_code' as never, message: 'x' })).toBe('Something went wrong in the engine');
  });
});
