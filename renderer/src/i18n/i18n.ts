import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { nl } from './nl';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'vangnet.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The saved choice, else Dutch for a Dutch browser, else English. */
export function initialLanguage(): Language {
  const saved = readStorage(STORAGE_KEY);
  if (isLanguage(saved)) return saved;
  return navigator.languages.some((l) => l.toLowerCase().startsWith('nl')) ? 'nl' : 'en';
}

export function persistLanguage(language: Language): void {
  writeStorage(STORAGE_KEY, language);
}

export async function initI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, nl: { translation: nl } },
    interpolation: { escapeValue: false }, // React escapes already.
    returnNull: false,
  });
  document.documentElement.lang = language;
}

export async function applyLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

/** Turns the engine's English issue text (shared/domain schemas) into the chosen language. */
export function translateIssue(t: TFunction, message: string): string {
  const tooLong = /^must be at most (\d+) characters$/.exec(message);
  if (tooLong) return t('errors.issue.tooLong', { max: Number(tooLong[1]) });
  // zod's own wording, for schemas that keep its default messages (sync.login's pairing code).
  const tooShort = /^Too small: expected string to have >=(\d+) characters?$/.exec(message);
  if (tooShort) return t('errors.issue.tooShort', { min: Number(tooShort[1]) });
  // The SLA calendar's and contract's own wording (shared/sla/calendar.ts, shared/sla/policy.ts).
  const overlaps = /^(\S+) overlaps (\S+)$/.exec(message);
  if (overlaps) return t('errors.issue.overlaps', { a: overlaps[1] ?? '', b: overlaps[2] ?? '' });
  const inverted = /^(\S+) is empty or inverted\b/.exec(message);
  if (inverted) return t('errors.issue.inverted', { interval: inverted[1] ?? '' });
  const zone = /^unknown time zone "(.*)"/.exec(message);
  if (zone) return t('errors.issue.timeZone', { zone: zone[1] ?? '' });
  if (message.startsWith('a business calendar needs at least one interval')) return t('errors.issue.noHours');
  if (/^closure (ends \(|must end after)/.test(message)) return t('errors.issue.closureOrder');
  switch (message) {
    case 'must be a positive number of minutes':
      return t('errors.issue.positiveMinutes');
    case 'must be a number of minutes':
      return t('errors.issue.numberOfMinutes');
    case 'must be a time HH:mm between 00:00 and 24:00':
      return t('errors.issue.time');
    case 'must be a date YYYY-MM-DD':
      return t('errors.issue.date');
    case 'must be a URL':
      return t('errors.issue.url');
    case 'Invalid URL':
      return t('errors.issue.httpUrl');
    case 'is required':
      return t('errors.issue.required');
    case 'must not be empty':
      return t('errors.issue.empty');
    case 'must be a single line':
      return t('errors.issue.singleLine');
    case 'must be well-formed text (it holds a lone UTF-16 surrogate)':
      return t('errors.issue.illFormed');
    case 'must be one of P1, P2, P3, P4':
      return t('errors.issue.priority');
    case 'must be a UUID':
      return t('errors.issue.uuid');
    case 'must be 2-16 letters, digits or dashes':
      return t('errors.issue.clientCode');
    case 'must be an http(s) URL':
      return t('errors.issue.httpUrl');
    default:
      return message;
  }
}

// localStorage can throw (privacy modes, file:// quirks); a lost preference is not worth a crash.
export function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStorage(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Preference is kept for this session only.
  }
}
