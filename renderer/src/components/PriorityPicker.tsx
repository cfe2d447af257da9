import { useTranslation } from 'react-i18next';
import { PRIORITIES, type Priority } from '../../../shared/domain/incident';

interface PriorityPickerProps {
  name: string;
  value: Priority;
  onChange(priority: Priority): void;
  error?: string | undefined;
}

/** Four radio cards with their meaning spelled out, so the choice is made on the definition. */
export function PriorityPicker({ name, value, onChange, error }: PriorityPickerProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="field priority-picker" aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="field-label">{t('priority.label')}</legend>
      <div className="priority-options">
        {PRIORITIES.map((p) => (
          <label key={p} className={`priority-option priority-option-${p.toLowerCase()}`} data-checked={value === p}>
            <input
              type="radio"
              name={name}
              value={p}
              checked={value === p}
              aria-label={`${p} — ${t(`priority.hint.${p}`)}`}
              onChange={() => onChange(p)}
            />
            <span className={`priority priority-${p.toLowerCase()}`} aria-hidden="true">
              {p}
            </span>
            <span className="priority-hint" aria-hidden="true">
              {t(`priority.hint.${p}`)}
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <span className="field-error" id={`${name}-error`}>
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
