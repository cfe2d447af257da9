import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { formatDayHeading } from '../../i18n/format';
import { errorText, issueSentence } from '../../lib/errorText';
import { addDays, isTimeZone, mondayOf, todayIn } from '../../lib/zonedTime';
import { useStore } from '../../store/store';
import { layoutWeek } from './weekLayout';

const HOUR_PX = 20;

const time = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Christmas week: the one that shows public holidays best. */
function christmasWeek(timeZone: string): string {
  const today = todayIn(timeZone);
  const year = Number(today.slice(0, 4));
  return mondayOf(today > `${year}-12-26` ? `${year + 1}-12-25` : `${year}-12-25`);
}

/** The covered business hours of one week, drawn as blocks in seven columns, holidays marked. */
export function WeekPreview() {
  const { t } = useTranslation();
  const draft = useStore((s) => s.draft);
  const weekOf = useStore((s) => s.weekOf);
  const week = useStore((s) => s.week);
  const status = useStore((s) => s.weekStatus);
  const error = useStore((s) => s.weekError);
  const setWeekOf = useStore((s) => s.setWeekOf);
  const language = useStore((s) => s.language);
  const zone = draft && isTimeZone(draft.timeZone) ? draft.timeZone : null;
  const layout = useMemo(() => (draft && zone ? layoutWeek(weekOf, week, draft) : null), [draft, zone, weekOf, week]);

  if (!draft) return null;
  const hours = layout ? Array.from({ length: layout.lastHour - layout.firstHour }, (_, i) => layout.firstHour + i) : [];
  const problem = error ? (error.issues?.[0] ? issueSentence(t, error.issues[0]) : errorText(t, error)) : null;

  return (
    <section className="card week-preview" aria-labelledby="week-title" data-testid="week-preview">
      <header className="card-head">
        <h3 id="week-title" className="card-title">
          {t('contractEditor.week.title')}
        </h3>
        <span className="spacer" />
        <div className="week-nav">
          <button
            type="button"
            className="btn btn-ghost btn-icon btn-tiny"
            aria-label={t('contractEditor.week.prev')}
            onClick={() => setWeekOf(addDays(weekOf, -7))}
          >
            <Icon name="chevronLeft" size={14} />
          </button>
          <input
            type="date"
            className="input input-date"
            aria-label={t('contractEditor.week.weekOf')}
            value={weekOf}
            data-testid="week-of"
            onChange={(e) => e.target.value && setWeekOf(e.target.value)}
          />
          <button
            type="button"
            className="btn btn-ghost btn-icon btn-tiny"
            aria-label={t('contractEditor.week.next')}
            onClick={() => setWeekOf(addDays(weekOf, 7))}
          >
            <Icon name="chevronRight" size={14} />
          </button>
          <button type="button" className="btn btn-small" onClick={() => setWeekOf(todayIn(zone ?? 'Europe/Amsterdam'))}>
            {t('contractEditor.week.thisWeek')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            data-testid="week-christmas"
            onClick={() => setWeekOf(christmasWeek(zone ?? 'Europe/Amsterdam'))}
          >
            {t('contractEditor.week.christmas')}
          </button>
        </div>
      </header>
      <p className="field-hint">{t('contractEditor.week.hint', { zone: draft.timeZone })}</p>
      {problem ? (
        <p className="preview-problem" role="status" data-testid="week-error">
          {t('contractEditor.week.error')}: {problem}
        </p>
      ) : null}
      {layout ? (
        <div
          className="week-grid"
          data-stale={status === 'loading' || status === 'error'}
          style={{ ['--hours' as string]: hours.length, ['--hour-px' as string]: `${HOUR_PX}px` }}
        >
          <div className="week-gutter" aria-hidden="true">
            <span className="week-corner" />
            <div className="week-hours">
              {hours.map((h) => (
                <span key={h} className="week-hour num">
                  {String(h).padStart(2, '0')}
                </span>
              ))}
            </div>
          </div>
          {layout.days.map((day) => {
            const heading = formatDayHeading(day.date, language);
            return (
              <div
                key={day.date}
                className="week-day"
                role="group"
                aria-label={heading}
                data-testid="week-day"
                data-date={day.date}
                data-closed={day.closedReason ?? undefined}
              >
                <span className="week-day-head">{heading}</span>
                <div className="week-day-body">
                  {day.blocks.map((b) => {
                    const top = ((b.start - layout.firstHour * 60) / 60) * HOUR_PX;
                    const height = ((b.end - b.start) / 60) * HOUR_PX;
                    const label = `${time(b.start)}–${time(b.end)}`;
                    return (
                      <span
                        key={b.start}
                        className="week-block"
                        data-testid="week-block"
                        style={{ top, height }}
                        title={t('contractEditor.week.covered', { day: heading, from: time(b.start), to: time(b.end) })}
                      >
                        {height >= 30 ? (
                          <span className="week-block-label num">{label}</span>
                        ) : (
                          <span className="visually-hidden">{label}</span>
                        )}
                      </span>
                    );
                  })}
                  {day.closedReason ? (
                    <span className="week-closed" data-testid="week-closed">
                      {day.closureLabel ?? t(day.closedReason === 'holiday' ? 'contractEditor.week.holiday' : 'contractEditor.week.closed')}
                    </span>
                  ) : null}
                </div>
              </div>
            );
          })}
        </div>
      ) : null}
    </section>
  );
}
