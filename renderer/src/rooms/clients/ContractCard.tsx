import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { formatLocalDate } from '../../i18n/format';
import { useStore } from '../../store/store';
import { ContractHistory } from './ContractHistory';
import { ContractSummary } from './ContractSummary';

/** The contract in force (or that none is), its versions, and the way into the editor. */
export function ContractCard() {
  const { t } = useTranslation();
  const contracts = useStore((s) => s.contracts);
  const status = useStore((s) => s.contractsStatus);
  const error = useStore((s) => s.contractsError);
  const language = useStore((s) => s.language);
  const openEditor = useStore((s) => s.openContractEditor);
  const current = contracts?.current ?? null;
  const any = (contracts?.history.length ?? 0) > 0;

  return (
    <section className="card contract-card" aria-labelledby="contract-title" data-testid="contract-card">
      <header className="card-head">
        <h3 id="contract-title" className="card-title">
          {t('contract.title')}
        </h3>
        {current ? (
          <span className="card-sub muted">{t('contract.inForceSince', { date: formatLocalDate(current.effectiveFrom, language) })}</span>
        ) : null}
        <span className="spacer" />
        <button
          type="button"
          className={any ? 'btn btn-small' : 'btn btn-primary btn-small'}
          // Also after a failed read: a new version is the way out of a contract the engine cannot read.
          disabled={status === 'loading' || status === 'idle'}
          data-testid="contract-edit"
          onClick={openEditor}
        >
          <Icon name={any ? 'edit' : 'plus'} size={13} />
          {any ? t('contract.edit') : t('contract.new')}
        </button>
      </header>
      {status === 'error' ? <ErrorAlert error={error} testId="contract-error" /> : null}
      {status === 'loading' ? <p className="muted">{t('common.loading')}</p> : null}
      {status === 'ready' && !any ? (
        <p className="card-empty muted" data-testid="contract-none">
          {t('contract.none')}
        </p>
      ) : null}
      {status === 'ready' && any && !current ? <p className="card-empty muted">{t('contract.noneInForce')}</p> : null}
      {current ? <ContractSummary terms={current.terms} /> : null}
      {contracts && any ? <ContractHistory history={contracts.history} currentId={current?.id ?? null} /> : null}
    </section>
  );
}
