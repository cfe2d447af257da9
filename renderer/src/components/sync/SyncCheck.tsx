import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/store';
import { ErrorAlert } from '../ErrorAlert';

/**
 * "Do I hold what the server holds?": compares a checksum of each table with the office server's
 * (sync.verify), lists the tables, and offers to set the ones that differ back to the server's copy.
 */
export function SyncCheck() {
  const { t } = useTranslation();
  const check = useStore((s) => s.syncCheck);
  const verify = useStore((s) => s.verifySync);
  const repair = useStore((s) => s.repairSync);
  const result = check.verify;
  const divergent = result?.divergent ?? [];

  let verdict: string | null = null;
  if (result && !result.comparable) verdict = t('sync.check.notComparable', { reason: result.reason ?? '' });
  else if (result && divergent.length === 0) verdict = t('sync.check.allEqual');
  else if (result) {
    const tables = divergent.map((table) => t(`sync.check.table.${table}`)).join(', ');
    verdict = t('sync.check.differ', { count: divergent.length, tables });
  }
  const changed = check.repair?.tables.reduce((n, r) => n + r.inserted + r.updated + r.removed, 0) ?? 0;

  return (
    <section className="sync-check" aria-labelledby="sync-check-title" data-testid="sync-check">
      <h3 id="sync-check-title" className="section-title">
        {t('sync.check.title')}
      </h3>
      <p className="sync-note">{t('sync.check.intro')}</p>
      <div className="sync-check-actions">
        <button type="button" className="btn btn-small" disabled={check.pending} onClick={() => void verify()}>
          {check.pending && !check.repairing ? t('sync.check.checking') : t('sync.check.verify')}
        </button>
        {divergent.length > 0 || check.repairing ? (
          <button type="button" className="btn btn-small" disabled={check.pending} onClick={() => void repair(divergent)}>
            {check.repairing ? t('sync.check.repairing') : t('sync.check.repair')}
          </button>
        ) : null}
      </div>
      <ErrorAlert error={check.error} testId="sync-check-error" />
      <div role="status" className="sync-check-status">
        {check.repair ? <p data-testid="sync-check-repaired">{t('sync.check.repaired', { count: changed })}</p> : null}
        {verdict ? (
          <p className="sync-check-verdict" data-testid="sync-check-verdict" data-tone={divergent.length > 0 ? 'danger' : 'ok'}>
            {verdict}
          </p>
        ) : null}
      </div>
      {result?.comparable ? (
        <ul className="sync-check-tables">
          {result.tables.map((row) => (
            <li key={row.table} className="sync-check-table" data-equal={row.equal} data-testid="sync-check-table">
              <span>{t(`sync.check.table.${row.table}`)}</span>
              <span className="num muted">{t('sync.check.rows', { count: row.local.count })}</span>
              <span className="sync-check-result">{row.equal ? t('sync.check.equal') : t('sync.check.differs')}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
