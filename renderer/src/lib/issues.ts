import type { TFunction } from 'i18next';
import type { ErrorInfo } from '../../../shared/errors';
import { issueText } from './errorText';

/** The engine's complaint about one field (by its path in the call's arguments), translated. */
export function issueFor(t: TFunction, error: ErrorInfo | null, path: string): string | undefined {
  const issue = error?.issues?.find((i) => i.path === path);
  return issue ? issueText(t, issue) : undefined;
}

/** The first complaint at or under a path (`environments` covers `environments.2`), translated. */
export function issueUnder(t: TFunction, error: ErrorInfo | null, prefix: string): string | undefined {
  const issue = error?.issues?.find((i) => i.path === prefix || i.path.startsWith(`${prefix}.`));
  return issue ? issueText(t, issue) : undefined;
}
