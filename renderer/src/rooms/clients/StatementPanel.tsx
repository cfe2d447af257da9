import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addMonths } from '../../../../shared/billing/month';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { downloadFile } from '../../lib/download';
import { useStore } from '../../store/store';
import type { StatementFormat } from '../../store/statementSlice';
import { StatementTables } from './StatementTables';
import './statement.css';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A client's month statement: a month picker, the statement on screen, and CSV / PDF exports. */
export function StatementPanel({ clientId, onClose }: { clientId: string; onClose(): void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const month = useStore((s) => s.statementMonth);
  const statement = useStore((s) => s.statement);
  const status = useStore((s) => s.statementStatus);
  const error = useStore((s) => s.statementError);
  const exporting = useStore((s) => s.statementExporting);
  const exportError = useStore((s) => s.statementExportError);
  const setMonth = useStore((s) => s.setStatementMonth);
  const load = useStore((s) => s.loadStatement);
  const exportStatement = useStore((s) => s.exportStatement);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    void load(clientId);
  }, [clientId, load]);

  const pick = (value: string) => {
    setDone(null);
    if (MONTH.test(value)) setMonth(clientId, value);
  };
  const run = async (format: StatementFormat) => {
    setDone(null);
    const file = await exportStatement(clientId, format, language);
    if (!file) return;
    downloadFile(file);
    setDone(file.fileName);
  };
  const shown = statement && statement.client.id === clientId && statement.month === month ? statement : null;

  return (
    <section className="card statement-card" aria-labelledby="statement-title" data-testid="statement-panel">
      <header className="card-head statement-head">
        <h3 id="statement-title" className="card-title">
          {t('statement.title')}
        </h3>
        <div className="statement-month" role="group" aria-label={t('statement.month')}>
          <button type="button" className="btn btn-small btn-ghost" aria-label={t('statement.previous')} onClick={() => pick(addMonths(month, -1))}>
            <Icon name="chevronLeft" size={14} />
          </button>
          <label className="visually-hidden" htmlFor="statement-month">
            {t('statement.month')}
          </label>
          <input id="statement-month" type="month" className="input" value={month} data-testid="statement-month" onChange={(e) => pick(e.target.value)} />
          <button type="button" className="btn btn-small btn-ghost" aria-label={t('statement.next')} onClick={() => pick(addMonths(month, 1))}>
            <Icon name="chevronRight" size={14} />
          </button>
        </div>
        <span className="spacer" />
        <button type="button" className="btn btn-small" data-testid="statement-export-csv" disabled={exporting !== null} onClick={() => void run('csv')}>
          {t('statement.exportCsv')}
        </button>
        <button type="button" className="btn btn-small" data-testid="statement-export-pdf" disabled={exporting !== null} onClick={() => void run('pdf')}>
          {t('statement.exportPdf')}
        </button>
        <button type="button" className="btn btn-small btn-ghost" aria-label={t('statement.close')} onClick={onClose}>
          <Icon name="close" size={14} />
        </button>
      </header>
      <p className="statement-status" role="status" aria-live="polite" data-testid="statement-status">
        {exporting ? t('statement.exporting', { format: exporting.toUpperCase() }) : done ? t('statement.exported', { file: done }) : status === 'loading' ? t('statement.loading') : ''}
      </p>
      {exportError ? <ErrorAlert error={exportError} testId="statement-export-error" /> : null}
      {status === 'error' ? <ErrorAlert error={error} testId="statement-error" /> : null}
      {shown ? <StatementTables s={shown} /> : null}
    </section>
  );
}
