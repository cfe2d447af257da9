import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../../shared/errors';
import { isUnreachable } from '../../store/syncSlice';
import { ErrorAlert } from '../ErrorAlert';

/**
 * A refusal from a call that talks to the office server: "cannot reach it" gets its own headline and
 * advice, a refused pairing code says so, and anything else reads like every other engine error.
 */
export function SyncErrorAlert({ error, testId, pairing = false }: { error: ErrorInfo | null; testId: string; pairing?: boolean }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isUnreachable(error)) {
    return <ErrorAlert error={error} testId={testId} title={t('sync.unreachable')} hint={t('sync.unreachableHint')} />;
  }
  if (pairing && error.code === 'unauthorized') return <ErrorAlert error={error} testId={testId} title={t('sync.refused')} />;
  // Another web server at that address answers 404 ("not found"), which would read as a missing item.
  if (pairing && error.code !== 'invalid_args') return <ErrorAlert error={error} testId={testId} title={t('sync.pairFailed')} />;
  return <ErrorAlert error={error} testId={testId} />;
}
