import { useTranslation } from 'react-i18next';
import { reloadAll } from '../store/engineEvents';
import { useStore } from '../store/store';
import { ErrorAlert } from './ErrorAlert';

/** Shown instead of a room when the engine would not even say who is signed in. */
export function EngineProblem() {
  const { t } = useTranslation();
  const error = useStore((s) => s.profileError);
  return (
    <div className="empty" data-testid="engine-problem">
      <p className="empty-title">{t('app.engineUnavailable')}</p>
      <ErrorAlert error={error} testId="engine-error" />
      <button type="button" className="btn" onClick={reloadAll}>
        {t('common.retry')}
      </button>
    </div>
  );
}
