import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/errors';
import { errorHeadline } from '../lib/errorHeadline';
import { errorText } from '../lib/errorText';

interface ErrorAlertProps {
  error: ErrorInfo | null;
  testId?: string;
  /** A headline that says more than the code's generic one (e.g. "Cannot reach the office server"). */
  title?: string;
  /** What to do about it, shown above the engine's message. */
  hint?: string;
}

/** The engine's refusal: a translated headline for its code, and its message (by key) in the same language underneath. */
export function ErrorAlert({ error, testId = 'form-error', title, hint }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="alert" role="alert" data-testid={testId}>
      <span className="alert-title">{title ?? errorHeadline(t, error)}</span>
      {hint ? <span className="alert-hint">{hint}</span> : null}
      <span className="alert-detail">{errorText(t, error)}</span>
    </div>
  );
}
