import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  optional?: boolean;
  children: ReactNode;
}

/** A labelled control with its hint and its error; the control gets its ARIA from `controlProps`. */
export function Field({ id, label, error, hint, optional, children }: FieldProps) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
        {optional ? <span className="optional"> · {t('common.optional')}</span> : null}
      </label>
      {children}
      {hint && !error ? (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field-error" id={`${id}-error`} data-testid={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function controlProps(id: string, error: string | undefined, hint?: string) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
}
