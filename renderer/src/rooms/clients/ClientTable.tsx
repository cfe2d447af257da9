import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../i18n/format';
import { useStore } from '../../store/store';

/**
 * Every client with its open-incident count. An agency has tens to a few hundred clients, so this
 * is a plain table; the incident list is the one that needs virtualising.
 */
export function ClientTable() {
  const { t } = useTranslation();
  const clients = useStore((s) => s.clients);
  const status = useStore((s) => s.clientsStatus);
  const error = useStore((s) => s.clientsError);
  const search = useStore((s) => s.clientSearch);
  const language = useStore((s) => s.language);
  const setFilter = useStore((s) => s.setFilter);
  const navigate = useStore((s) => s.navigate);
  const openDialog = useStore((s) => s.openDialog);
  const selectClient = useStore((s) => s.selectClient);

  const shown = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase();
    const sorted = [...clients].sort((a, b) => a.name.localeCompare(b.name));
    return needle
      ? sorted.filter((c) => c.name.toLocaleLowerCase().includes(needle) || c.code.toLocaleLowerCase().includes(needle))
      : sorted;
  }, [clients, search]);

  if (status === 'error') {
    return (
      <div className="table-wrap">
        <ErrorAlert error={error} testId="clients-error" />
      </div>
    );
  }
  if (status === 'ready' && clients.length === 0) {
    return (
      <div className="empty" data-testid="clients-empty">
        <p className="empty-title">{t('clients.emptyTitle')}</p>
        <p>{t('clients.emptyBody')}</p>
        <button type="button" className="btn btn-primary" onClick={() => openDialog('newClient')}>
          {t('clients.add')}
          <kbd aria-hidden="true">N</kbd>
        </button>
      </div>
    );
  }

  return (
    <div className="table-wrap">
      <table className="table" data-testid="client-table">
        <thead>
          <tr>
            <th scope="col">{t('clients.column.name')}</th>
            <th scope="col">{t('clients.column.code')}</th>
            <th scope="col" className="col-num">
              {t('clients.column.open')}
            </th>
            <th scope="col">{t('clients.column.since')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((c) => (
            <tr key={c.id} data-testid="client-row">
              <th scope="row">
                <button type="button" className="link-button" data-testid="client-open" onClick={() => selectClient(c.id)}>
                  {c.name}
                </button>
              </th>
              <td>
                <span className="client-code">{c.code}</span>
              </td>
              <td className="col-num num">
                {c.openIncidents > 0 ? (
                  <button
                    type="button"
                    className="link-button count-link"
                    aria-label={t('clients.openIncidentsOf', { name: c.name, count: c.openIncidents })}
                    data-testid="client-incidents"
                    onClick={() => {
                      setFilter({ clientId: c.id });
                      navigate('incidents');
                    }}
                  >
                    {c.openIncidents}
                  </button>
                ) : (
                  <span className="muted">0</span>
                )}
              </td>
              <td className="muted num">{formatDate(c.createdAt, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length === 0 && search ? <p className="table-note muted">{t('clients.noMatch', { search })}</p> : null}
    </div>
  );
}
