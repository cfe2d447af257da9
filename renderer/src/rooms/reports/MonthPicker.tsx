import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { dateFormat } from '../../i18n/format';
import { useStore } from '../../store/store';

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
/** Years offered: ten back and one ahead of the value's, enough for any report period. */
const YEARS_BACK = 10;

/**
 * A month as two selects, month name and year, in the interface language: the native
 * `<input type=month>` shows the browser's locale, not the app's. Keyboard as any select (arrows,
 * typing the first letters of a month); the group carries the label, each select says which part it is.
 */
export function MonthPicker({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  /** `YYYY-MM`. */
  value: string;
  onChange(month: string): void;
  testId: string;
}) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const labelId = useId();
  const [year, month] = value.split('-') as [string, string];
  const names = dateFormat(language, { month: 'long', timeZone: 'UTC' });
  const last = Math.max(Number(year), new Date().getUTCFullYear()) + 1;
  const years = Array.from({ length: YEARS_BACK + 2 }, (_, i) => String(last - i));
  return (
    <div className="month-picker" role="group" aria-labelledby={labelId} data-testid={testId}>
      <span id={labelId} className="month-picker-label">
        {label}
      </span>
      <select
        className="input"
        value={month}
        aria-label={t('reports.monthPart', { field: label })}
        data-testid={`${testId}-month`}
        onChange={(e) => onChange(`${year}-${e.target.value}`)}
      >
        {MONTHS.map((m) => (
          <option key={m} value={m}>
            {names.format(new Date(`2000-${m}-15T12:00:00Z`))}
          </option>
        ))}
      </select>
      <select
        className="input"
        value={year}
        aria-label={t('reports.yearPart', { field: label })}
        data-testid={`${testId}-year`}
        onChange={(e) => onChange(`${e.target.value}-${month}`)}
      >
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
}
