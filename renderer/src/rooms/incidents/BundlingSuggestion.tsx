import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useStore } from '../../store/store';

/**
 * With a client filter on, the client's small open tickets of the month that bill less merged
 * ("Bundle 3 tickets: bills 30 min instead of 45"), and a merge into the chosen survivor after a
 * confirmation that lists what moves.
 */
export function BundlingSuggestion() {
  const { t } = useTranslation();
  const clientId = useStore((s) => s.filter.clientId);
  const suggestion = useStore((s) => s.suggestion);
  const load = useStore((s) => s.loadSuggestion);
  const merge = useStore((s) => s.mergeTickets);
  const merging = useStore((s) => s.merging);
  const total = useStore((s) => s.total);
  const [confirming, setConfirming] = useState(false);
  const [survivorId, setSurvivorId] = useState<string | null>(null);

  // The list's total moves with every change the engine reports: read the suggestion again then.
  useEffect(() => {
    void load(clientId);
  }, [clientId, total, load]);

  if (!suggestion || suggestion.clientId !== clientId) return null;
  const survivor = survivorId && suggestion.tickets.some((x) => x.id === survivorId) ? survivorId : suggestion.survivorId;
  const kept = suggestion.tickets.find((x) => x.id === survivor)!;
  const moving = suggestion.tickets.filter((x) => x.id !== survivor);

  return (
    <section className="bundling-suggestion" aria-labelledby="bundling-title" data-testid="bundling-suggestion">
      <h2 id="bundling-title" className="section-title">
        {t('bundling.suggestionTitle')}
      </h2>
      <p data-testid="bundling-text">
        {t('bundling.suggestion', {
          count: suggestion.tickets.length,
          together: suggestion.togetherMinutes,
          apart: suggestion.apartMinutes,
          saved: suggestion.savedMinutes,
        })}
      </p>
      <fieldset className="bundling-tickets">
        <legend>{t('bundling.survivor')}</legend>
        {suggestion.tickets.map((x) => (
          <label key={x.id}>
            <input type="radio" name="bundling-survivor" checked={x.id === survivor} onChange={() => setSurvivorId(x.id)} /> {x.title}
          </label>
        ))}
      </fieldset>
      <button type="button" className="btn btn-primary" data-testid="bundling-bundle" onClick={() => setConfirming(true)}>
        {t('bundling.bundle')}
      </button>
      {confirming ? (
        <Dialog title={t('bundling.confirmTitle', { count: moving.length })} onClose={() => setConfirming(false)} testId="bundling-confirm">
          <p>{t('bundling.confirmMoves', { title: kept.title })}</p>
          <ul>
            {moving.map((x) => (
              <li key={x.id}>{t('bundling.confirmTicket', { title: x.title, entries: x.entryCount })}</li>
            ))}
          </ul>
          <p>{t('bundling.confirmIrreversible')}</p>
          <ErrorAlert error={merging.error} testId="bundling-error" />
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              {t('bundling.back')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              data-autofocus
              data-testid="bundling-confirm-merge"
              disabled={merging.pending}
              onClick={() =>
                void merge(
                  survivor,
                  moving.map((x) => x.id),
                ).then((ok) => ok && setConfirming(false))
              }
            >
              {merging.pending ? t('bundling.merging') : t('bundling.confirm')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}
