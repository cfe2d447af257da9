import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListedTimeEntry } from '../../../../shared/contract/time';
import { Icon } from '../../components/Icon';
import { dateFormat, formatDayHeading } from '../../i18n/format';
import { formatMinutes } from '../../lib/timerText';
import { useStore } from '../../store/store';
import { byDay } from './timePeriod';

/** The period's entries, a heading per day: client, incident, start–end, raw minutes, and edit/delete (a lock in a closed month). */
export function TimeEntries({
  entries,
  timeZone,
  canChange,
  onAct,
}: {
  entries: readonly ListedTimeEntry[];
  timeZone: string;
  canChange: boolean;
  onAct(entry: ListedTimeEntry, mode: 'edit' | 'delete'): void;
}) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const clients = useStore((s) => s.clients);
  const titles = useStore((s) => s.incidentTitles);
  if (entries.length === 0) {
    return (
      <p className="empty-title time-empty" data-testid="time-empty">
        {t('timeRoom.empty')}
      </p>
    );
  }
  const clock = dateFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  const at = (iso: string) => clock.format(new Date(iso));

  return (
    <table className="table" data-testid="time-entries">
      <caption className="visually-hidden">{t('timeRoom.entries')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('timeRoom.column.client')}</th>
          <th scope="col">{t('timeRoom.column.incident')}</th>
          <th scope="col">{t('timeRoom.column.time')}</th>
          <th scope="col" className="col-num">
            {t('timeRoom.column.minutes')}
          </th>
          <th scope="col">{t('timeEntries.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {byDay(entries, timeZone).map(({ day, entries: list }) => (
          <Fragment key={day}>
            <tr className="time-day">
              <th scope="colgroup" colSpan={3}>
                {formatDayHeading(day, language)}
              </th>
              <td className="col-num num">
                {formatMinutes(
                  t,
                  list.reduce((sum, e) => sum + e.minutes, 0),
                )}
              </td>
              <td />
            </tr>
            {list.map((e) => (
              <tr key={e.id} data-testid="time-entry" data-entry-id={e.id}>
                <td>
                  <span className="client-code">{clients.find((c) => c.id === e.clientId)?.code ?? '—'}</span>
                </td>
                <td className="time-incident">
                  {e.incidentId ? (titles[e.incidentId] ?? '…') : <span className="muted">{t('timeRoom.noIncident')}</span>}
                </td>
                <td className="num">
                  <time dateTime={e.startedAt}>{at(e.startedAt)}</time>
                  {' – '}
                  {e.endedAt ? <time dateTime={e.endedAt}>{at(e.endedAt)}</time> : <span className="muted">{t('timeRoom.running')}</span>}
                </td>
                <td className="col-num num" data-testid="time-entry-minutes">
                  {e.minutes}
                </td>
                <td className="time-actions">
                  {e.locked ? (
                    <span className="muted" title={t('timeEntries.lockedTitle')} data-testid="time-entry-locked">
                      <Icon name="lock" size={14} /> {t('timeEntries.locked')}
                    </span>
                  ) : canChange && e.endedAt !== null ? (
                    <>
                      <button
                        type="button"
                        className="btn btn-small"
                        data-entry-edit={e.id}
                        aria-label={t('timeEntries.editLabel', { time: at(e.startedAt) })}
                        onClick={() => onAct(e, 'edit')}
                      >
                        {t('timeEntries.edit')}
                      </button>{' '}
                      <button
                        type="button"
                        className="btn btn-small"
                        aria-label={t('timeEntries.deleteLabel', { time: at(e.startedAt) })}
                        onClick={() => onAct(e, 'delete')}
                      >
                        {t('timeEntries.delete')}
                      </button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
