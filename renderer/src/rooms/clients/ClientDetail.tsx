import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { formatDate } from '../../i18n/format';
import { useStore } from '../../store/store';
import { BudgetCard } from './BudgetCard';
import { ContractCard } from './ContractCard';
import { PlatformsCard } from './PlatformsCard';
import { StatementPanel } from './StatementPanel';

/** One client: who it is, its open incidents, its contract and the platforms the agency looks after. */
export function ClientDetail() {
  const { t } = useTranslation();
  const client = useStore((s) => s.clients.find((c) => c.id === s.selectedClientId));
  const language = useStore((s) => s.language);
  const selectClient = useStore((s) => s.selectClient);
  const setFilter = useStore((s) => s.setFilter);
  const navigate = useStore((s) => s.navigate);
  const [statementOpen, setStatementOpen] = useState(false);

  return (
    <div className="client-detail" data-testid="client-detail">
      <div className="client-detail-inner">
        <button type="button" className="btn btn-ghost btn-small back-button" onClick={() => selectClient(null)}>
          <Icon name="chevronLeft" size={14} />
          {t('clientDetail.back')}
        </button>
        {client ? (
          <header className="client-head">
            <div className="client-head-title">
              <h2 data-testid="client-name">{client.name}</h2>
              <span className="client-code">{client.code}</span>
            </div>
            <p className="client-head-meta muted">
              {t('clientDetail.since', { date: formatDate(client.createdAt, language) })}
              {' · '}
              {t('clientDetail.openIncidents', { count: client.openIncidents })}
              {client.openIncidents > 0 ? (
                <button
                  type="button"
                  className="link-button inline-link"
                  onClick={() => {
                    setFilter({ clientId: client.id });
                    navigate('incidents');
                  }}
                >
                  {t('clientDetail.showIncidents')}
                </button>
              ) : null}
            </p>
            {!statementOpen ? (
              <button type="button" className="btn btn-small" data-testid="statement-open" onClick={() => setStatementOpen(true)}>
                <Icon name="calendar" size={13} />
                {t('statement.open')}
              </button>
            ) : null}
          </header>
        ) : null}
        <div className="client-grid">
          <ContractCard />
          <PlatformsCard />
          <BudgetCard />
        </div>
        {client && statementOpen ? <StatementPanel clientId={client.id} onClose={() => setStatementOpen(false)} /> : null}
      </div>
    </div>
  );
}
