import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { issueText } from '../../lib/errorText';
import { useStore } from '../../store/store';
import { fieldPath } from './contractText';

/**
 * The save's complaint about one editor field, translated: `businessHours.mon` also catches
 * `businessHours.mon.0.1`, so a bad time lands at its weekday.
 */
export function useContractIssue(): (path: string) => string | undefined {
  const { t } = useTranslation();
  const error = useStore((s) => s.contractSave.error);
  return useCallback(
    (path) => {
      const issue = error?.issues?.find((i) => {
        const at = fieldPath(i.path);
        return at === path || at.startsWith(`${path}.`);
      });
      return issue ? issueText(t, issue) : undefined;
    },
    [error, t],
  );
}
