import { useTranslation } from 'react-i18next';
import { ERROR_CODES, type ErrorInfo } from '../../../shared/errors';

/** The engine's refusal: a translated headline for its code, and its own message underneath. */
export function ErrorAlert({ error, testId = 'form-error' }: { error: ErrorInfo | null; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  // A newer engine may send a code this build does not know yet.
  const code = ERROR_CODES.includes(error.code) ? error.code : 'internal';
  return (
    <div className="alert" role="alert" data-testid={testId}>
      <span className="alert-title">{t(`errors.title.${code}`)}</span>
      <span className="alert-detail">{error.message}</span>
    </div>
  );
}
