import type { TFunction } from 'i18next';
import { ERROR_CODES, type ErrorInfo, type FieldIssue, type MessageParams } from '../../../shared/errors';
import { wordedParams } from '../../../shared/messages/catalog';

/** An error as it may arrive: from this engine, or stored or sent by an older one (no key). */
type ShownError = Pick<ErrorInfo, 'code' | 'message'> & { key?: string; params?: MessageParams };

// The keys are data from the engine, so they are not known to the typed `t` at compile time.
type LooseT = (key: string, options?: Record<string, unknown>) => string;

/**
 * The engine's refusal in the language on screen: its message key rendered from the shared
 * catalog, or, for a key this build does not know (a newer engine, an old stored error), the
 * generic headline of its code. The English `message` is never parsed nor shown translated.
 */
export function errorText(t: TFunction, error: ShownError): string {
  const code = ERROR_CODES.includes(error.code) ? error.code : 'internal';
  const fallback = (t as unknown as LooseT)(`errors.title.${code}`);
  if (!error.key) return fallback;
  const loose = t as unknown as LooseT;
  // Actions and roles travel as keys: put them in the words of the language on screen first.
  const params = wordedParams(error.params, (section, key) => {
    const word = loose(`messages.${section}.${key}`, { defaultValue: '' });
    return word === '' ? undefined : word;
  });
  return loose(`messages.errors.${error.key}`, { ...params, defaultValue: fallback });
}

/** One field's issue in the language on screen; an unknown code reads as "is not valid". */
export function issueText(t: TFunction, issue: Pick<FieldIssue, 'code' | 'params'>): string {
  const loose = t as unknown as LooseT;
  return loose(`messages.issues.${issue.code}`, { ...issue.params, defaultValue: loose('messages.issues.invalid') });
}

/**
 * A field's issue as a sentence naming the field, for a problem shown away from the field:
 * "Het percentage voor ‘dreigt te laat’ moet tussen 0 en 100 % liggen". A field without a name in
 * `issueFields` is named by its path; list indexes (`pauses.0.to`) are not part of a name.
 */
export function issueSentence(t: TFunction, issue: Pick<FieldIssue, 'path' | 'code' | 'params'>): string {
  const loose = t as unknown as LooseT;
  const path = issue.path.replace(/^terms\./, '');
  const named = path.replace(/\.\d+(?=\.|$)/g, '');
  const field = loose(`issueFields.${named}`, { defaultValue: path });
  return loose('issueSentence', { field: typeof field === 'string' ? field : path, problem: issueText(t, issue) });
}
