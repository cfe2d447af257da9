import { useTranslation } from 'react-i18next';

/**
 * The confirmation an entry over 24 hours needs (issue 11, "an entry over 24 h asks for
 * confirmation"): shown beside the duration only when the span passes a day, never ticked for
 * the engineer.
 */
export function LongEntryConfirm({ checked, onChange, testId }: { checked: boolean; onChange(value: boolean): void; testId: string }) {
  const { t } = useTranslation();
  return (
    <label className="entry-check entry-confirm-long">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />{' '}
      {t('timeEntries.confirmLong')}
    </label>
  );
}
