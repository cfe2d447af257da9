import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { useStore } from '../../store/store';
import { formatMonth } from '../reports/reportFormat';
import { ReopenMonthDialog } from './ReopenMonthDialog';

/**
 * The viewed period's closed months, per client: entries in them no longer change. A lead or admin
 * reopens one with a reason; an engineer only reads that it is closed.
 */
export function MonthStatus({ months }: { months: readonly string[] }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const rows = useStore((s) => s.monthRows);
  const clients = useStore((s) => s.clients);
  const lead = useStore((s) => s.timePeople?.canChangeOthers ?? false);
  const clearReopen = useStore((s) => s.clearMonthReopen);
  const [reopening, setReopening] = useState<{ clientId: string; month: string; label: string } | null>(null);
  const closed = rows.filter((r) => r.closed && months.includes(r.month));
  if (closed.length === 0 && !reopening) return null;

  function done(): void {
    const back = reopening;
    setReopening(null);
    clearReopen();
    // The row may be gone (reopened): focus the room's toolbar rather than losing it to the body.
    requestAnimationFrame(() =>
      (
        document.querySelector<HTMLElement>(`[data-reopen="${back?.clientId}:${back?.month}"]`) ??
        document.querySelector<HTMLElement>('[data-testid="room-time"] [role="toolbar"] button')
      )?.focus(),
    );
  }

  return (
    <section className="time-months" aria-label={t('timeEntries.closedMonths')} data-testid="time-months">
      <ul>
        {closed.map((r) => {
          const code = clients.find((c) => c.id === r.clientId)?.code ?? '—';
          const label = t('timeEntries.monthFor', { month: formatMonth(r.month, language, true), client: code });
          return (
            <li key={r.id} data-testid="time-month-closed">
              <Icon name="lock" size={14} /> <span>{t('timeEntries.monthIsClosed', { what: label })}</span>
              {lead ? (
                <button
                  type="button"
                  className="btn btn-small"
                  data-reopen={r.id}
                  data-testid="time-reopen-month"
                  onClick={() => setReopening({ clientId: r.clientId, month: r.month, label })}
                >
                  {t('timeEntries.reopenLabel', { what: label })}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {reopening ? <ReopenMonthDialog {...reopening} onDone={done} /> : null}
    </section>
  );
}
