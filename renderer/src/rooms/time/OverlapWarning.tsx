import { useTranslation } from 'react-i18next';
import type { ListedTimeEntry, TimeEntryView } from '../../../../shared/contract/time';
import { dateFormat, formatDayHeading, TIME_ZONE } from '../../i18n/format';
import { wallTime } from '../../lib/zonedTime';
import { useStore } from '../../store/store';

/**
 * After logging by hand: the engineer's entries the new one overlaps. A warning, not a refusal (two
 * laptops may each have booked the hour); each entry named by day, time and incident, with Show (its
 * day in the list) and Edit.
 */
export function OverlapWarning({ onEdit }: { onEdit(entry: ListedTimeEntry): void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const overlaps = useStore((s) => s.timeLogOverlaps);
  const clients = useStore((s) => s.clients);
  const titles = useStore((s) => s.incidentTitles);
  const showDay = useStore((s) => s.showTimeDay);
  if (overlaps.length === 0) return null;
  const clock = dateFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE });
  const at = (iso: string) => clock.format(new Date(iso));
  const dayOf = (e: TimeEntryView) => wallTime(Date.parse(e.startedAt), TIME_ZONE).date;

  async function show(e: TimeEntryView): Promise<void> {
    await showDay(dayOf(e));
    // Focus lands on the entry's Edit button in the list (a locked entry has none: focus stays on Show).
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-entry-edit="${e.id}"]`)?.focus());
  }

  return (
    <div className="alert alert-warning time-overlaps" role="status" data-testid="time-overlaps">
      <span className="alert-title">{t('timeEntries.overlapTitle', { count: overlaps.length })}</span>
      <span className="alert-hint">{t('timeEntries.overlapHint')}</span>
      <ul className="time-overlap-list">
        {overlaps.map((e) => {
          const span = `${formatDayHeading(dayOf(e), language)} ${at(e.startedAt)}–${e.endedAt ? at(e.endedAt) : t('timeRoom.running')}`;
          const client = clients.find((c) => c.id === e.clientId)?.code ?? '—';
          const what = e.incidentId ? (titles[e.incidentId] ?? '…') : t('timeRoom.noIncident');
          return (
            <li key={e.id} data-testid="time-overlap">
              <span className="num">{span}</span> · <span className="client-code">{client}</span> · {what}{' '}
              <button
                type="button"
                className="btn btn-small"
                aria-label={t('timeEntries.overlapShowLabel', { span })}
                onClick={() => void show(e)}
              >
                {t('timeEntries.overlapShow')}
              </button>{' '}
              {e.endedAt ? (
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={t('timeEntries.editLabel', { time: span })}
                  onClick={() => onEdit({ ...e, locked: false })}
                >
                  {t('timeEntries.edit')}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
