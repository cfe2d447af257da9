import { useEffect, useState } from 'react';
import type { ListedTimeEntry } from '../../../../shared/contract/time';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { TopBar } from '../../components/TopBar';
import { formatDayHeading, TIME_ZONE } from '../../i18n/format';
import { formatMinutes } from '../../lib/timerText';
import { useStore } from '../../store/store';
import { periodOf, type TimeView } from './timePeriod';
import { EngineerPicker } from './EngineerPicker';
import { EntryDialog } from './EntryDialog';
import { MonthStatus } from './MonthStatus';
import { TimeEntries } from './TimeEntries';
import { TimeLogForm } from './TimeLogForm';
import { TimeTotals } from './TimeTotals';
import '../clients/clients.css';
import './time.css';

const VIEWS: readonly TimeView[] = ['day', 'week'];

/** The engineer's own time: a day or a week of entries, and totals per client with rounded beside raw. */
export function TimeRoom() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const view = useStore((s) => s.timeView);
  const day = useStore((s) => s.timeDay);
  const list = useStore((s) => s.timeList);
  const status = useStore((s) => s.timeListStatus);
  const error = useStore((s) => s.timeListError);
  const engineerId = useStore((s) => s.profile?.engineerId);
  const setView = useStore((s) => s.setTimeView);
  const shift = useStore((s) => s.shiftTimeDay);
  const today = useStore((s) => s.timeToday);
  const load = useStore((s) => s.loadTimeList);
  const people = useStore((s) => s.timePeople);
  const loadPeople = useStore((s) => s.loadTimePeople);
  const clearChange = useStore((s) => s.clearEntryChange);
  const clearOverlaps = useStore((s) => s.clearTimeLogOverlaps);
  const [acting, setActing] = useState<{ entry: ListedTimeEntry; mode: 'edit' | 'delete' } | null>(null);

  useEffect(() => {
    if (engineerId) {
      void load();
      void loadPeople();
    }
  }, [engineerId, load, loadPeople]);

  // The engine refuses others' entries to an engineer: offer nothing it will refuse.
  const canChange = people !== null;

  function finish(saved: boolean): void {
    const act = acting;
    setActing(null);
    clearChange();
    if (!act) return;
    // Focus goes back to the row (its edit button), or to the table when the row is gone.
    requestAnimationFrame(() => {
      const back =
        document.querySelector<HTMLElement>(`[data-entry-edit="${act.entry.id}"]`) ??
        document.querySelector<HTMLElement>('[data-testid="time-entries"] button');
      back?.focus();
    });
    if (saved) {
      // An overlap warning may name the entry as it was: the list below is the truth now.
      clearOverlaps();
      void load();
    }
  }

  const { from, to } = periodOf(view, day);
  const period = from === to ? formatDayHeading(from, language) : `${formatDayHeading(from, language)} – ${formatDayHeading(to, language)}`;
  const total = list?.entries.reduce((sum, e) => sum + e.minutes, 0) ?? 0;

  return (
    <section className="room time-room" aria-labelledby="room-title" data-testid="room-time">
      <TopBar title={t('timeRoom.title')} count={list ? formatMinutes(t, total) : undefined} />
      <div
        className="time-toolbar"
        role="toolbar"
        aria-label={t('timeRoom.period')}
        onKeyDown={(e) => {
          // Left and right step through days or weeks from anywhere on the toolbar.
          if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
            shift(e.key === 'ArrowLeft' ? -1 : 1);
            e.preventDefault();
          }
        }}
      >
        <div className="segmented" role="group" aria-label={t('timeRoom.views')}>
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              className="btn btn-small"
              aria-pressed={view === v}
              data-testid={`time-view-${v}`}
              onClick={() => setView(v)}
            >
              {t(`timeRoom.${v}`)}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="btn btn-small btn-icon"
          aria-label={view === 'day' ? t('timeRoom.previousDay') : t('timeRoom.previousWeek')}
          title={view === 'day' ? t('timeRoom.previousDay') : t('timeRoom.previousWeek')}
          onClick={() => shift(-1)}
        >
          <Icon name="chevronLeft" size={14} />
        </button>
        <button
          type="button"
          className="btn btn-small btn-icon"
          aria-label={view === 'day' ? t('timeRoom.nextDay') : t('timeRoom.nextWeek')}
          title={view === 'day' ? t('timeRoom.nextDay') : t('timeRoom.nextWeek')}
          onClick={() => shift(1)}
        >
          <Icon name="chevronRight" size={14} />
        </button>
        <button type="button" className="btn btn-small" onClick={today}>
          {t('timeRoom.today')}
        </button>
        <EngineerPicker />
        <h2 className="time-period" data-testid="time-period" aria-live="polite">
          {period}
        </h2>
      </div>
      <div className="table-wrap time-body" aria-busy={status === 'loading'}>
        {status === 'error' ? <ErrorAlert error={error} testId="time-error" title={t('timeRoom.loadFailed')} /> : null}
        <MonthStatus months={[...new Set([from.slice(0, 7), to.slice(0, 7)])]} />
        {list ? (
          <>
            <TimeEntries
              entries={list.entries}
              timeZone={TIME_ZONE}
              canChange={canChange}
              onAct={(entry, mode) => setActing({ entry, mode })}
            />
            <TimeTotals totals={list.totals} day={day} />
          </>
        ) : null}
        <TimeLogForm onEdit={(entry) => setActing({ entry, mode: 'edit' })} />
      </div>
      {acting ? <EntryDialog entry={acting.entry} mode={acting.mode} onDone={finish} /> : null}
    </section>
  );
}
