import { useTranslation } from 'react-i18next';
import { CATEGORIES, type Category } from '../../../shared/domain/incident';

interface CategorySelectProps {
  id?: string;
  value: Category | null;
  onChange(category: Category | null): void;
  /** The first option: "All categories" in a filter, "Not sorted yet" on an incident. */
  emptyLabel: string;
  className?: string;
  testId?: string;
  disabled?: boolean;
  'aria-label'?: string;
  'aria-describedby'?: string | undefined;
  'aria-invalid'?: boolean | undefined;
}

const SUPPORT = CATEGORIES.filter((c) => c !== 'new_functionality');

/**
 * The categories, split the way the contract splits them: five that are always support, and new
 * functionality, which is not support and becomes a change request.
 */
export function CategorySelect({ id, value, onChange, emptyLabel, className = 'select', testId, disabled, ...aria }: CategorySelectProps) {
  const { t } = useTranslation();
  return (
    <select
      id={id}
      className={className}
      value={value ?? ''}
      data-testid={testId}
      disabled={disabled}
      {...aria}
      onChange={(e) => onChange(e.target.value ? (e.target.value as Category) : null)}
    >
      <option value="">{emptyLabel}</option>
      <optgroup label={t('category.support')}>
        {SUPPORT.map((c) => (
          <option key={c} value={c}>
            {t(`category.${c}`)}
          </option>
        ))}
      </optgroup>
      <optgroup label={t('category.notSupport')}>
        <option value="new_functionality">{t('category.new_functionality')}</option>
      </optgroup>
    </select>
  );
}
