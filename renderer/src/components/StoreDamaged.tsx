import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../shared/storeHealth';
import { formatDateTime, localeFor } from '../i18n/format';
import { reloadAll } from '../store/engineEvents';
import { useStore } from '../store/store';
import { ErrorAlert } from './ErrorAlert';
import '../styles/storeHealth.css';

function formatSize(bytes: number, language: 'nl' | 'en'): string {
  return new Intl.NumberFormat(localeFor(language), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / 1_000_000);
}

/**
 * The store was found damaged (or could not be opened as corrupt): say what happened, that nothing
 * is written to it, and offer the verified backups. Restoring moves the damaged files aside.
 */
export function StoreDamaged() {
  const { t } = useTranslation();
  const status = useStore((s) => s.storeStatus);
  const restore = useStore((s) => s.storeRestore);
  const restoreBackup = useStore((s) => s.restoreBackup);
  const language = useStore((s) => s.language);
  if (!status) return null;
  const damage = status.damage;

  async function onRestore(backup: BackupInfo): Promise<void> {
    if (await restoreBackup(backup.name)) reloadAll();
  }

  return (
    <section className="store-damaged" aria-labelledby="store-damaged-title" data-testid="store-damaged">
      <h2 id="store-damaged-title" className="store-damaged-title">
        {t('storeHealth.title')}
      </h2>
      <p>{damage ? t(`storeHealth.found.${damage.source}`) : t('storeHealth.found.open')}</p>
      {damage ? <p className="muted">{t('storeHealth.when', { when: formatDateTime(damage.at, language) })}</p> : null}
      <p>{status.open ? t('storeHealth.readOnly') : t('storeHealth.closed')}</p>
      {status.backups.length === 0 ? (
        <p data-testid="store-no-backups">{t('storeHealth.noBackups')}</p>
      ) : (
        <>
          <p>{t('storeHealth.restoreIntro')}</p>
          <table className="store-backups" data-testid="store-backups">
            <caption className="visually-hidden">{t('storeHealth.backups')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('storeHealth.created')}</th>
                <th scope="col">{t('storeHealth.size')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('storeHealth.action')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {status.backups.map((backup) => {
                const when = formatDateTime(backup.createdAt, language);
                const busy = restore.pending && restore.name === backup.name;
                return (
                  <tr key={backup.name} data-testid="store-backup">
                    <th scope="row">{when}</th>
                    <td className="num">{formatSize(backup.bytes, language)}</td>
                    <td>
                      <button
                        type="button"
                        className="btn btn-primary btn-small"
                        aria-label={t('storeHealth.restoreNamed', { when })}
                        disabled={restore.pending}
                        data-testid="store-restore"
                        onClick={() => void onRestore(backup)}
                      >
                        {busy ? t('storeHealth.restoring') : t('storeHealth.restore')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      <ErrorAlert error={restore.error} testId="store-restore-error" />
      {damage ? (
        <details className="store-damaged-detail">
          <summary>{t('storeHealth.detail')}</summary>
          <p>{damage.detail}</p>
        </details>
      ) : null}
    </section>
  );
}
