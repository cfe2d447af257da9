import { useTranslation } from 'react-i18next';
import type { HoursInterval } from '../../../../shared/sla/calendar';
import { Icon } from '../../components/Icon';
import { useStore } from '../../store/store';
import { type Day, nextInterval, normaliseTime, WEEK } from './contractText';
import { useContractIssue } from './useContractIssue';

/** Business hours per weekday, each with any number of blocks (e.g. a lunch break between two). */
export function BusinessHoursEditor() {
  const { t } = useTranslation();
  const hours = useStore((s) => s.draft?.businessHours);
  const edit = useStore((s) => s.editDraft);
  const issue = useContractIssue();
  if (!hours) return null;

  function setDay(day: Day, intervals: HoursInterval[]): void {
    edit((d) => ({ ...d, businessHours: { ...d.businessHours, [day]: intervals } }));
  }

  return (
    <section className="editor-section" aria-labelledby="hours-title">
      <h3 id="hours-title" className="section-title">
        {t('contract.businessHours')}
      </h3>
      <div className="hours" data-testid="business-hours">
        {WEEK.map((day) => {
          const intervals = hours[day] ?? [];
          const error = issue(`businessHours.${day}`);
          const dayName = t(`contract.weekdayLong.${day}`);
          const next = nextInterval(intervals);
          return (
            <div key={day} className="hours-day" data-testid={`hours-${day}`} data-invalid={error ? true : undefined}>
              <span className="hours-day-name">{dayName}</span>
              <div className="hours-intervals">
                {intervals.length === 0 ? <span className="hours-closed muted">{t('contractEditor.closedDay')}</span> : null}
                {intervals.map(([from, to], i) => (
                  <span key={i} className="hours-interval">
                    <input
                      className="input input-time num"
                      inputMode="numeric"
                      maxLength={5}
                      placeholder="08:30"
                      value={from}
                      onBlur={(e) => {
                        const time = normaliseTime(e.target.value);
                        if (time !== from)
                          setDay(
                            day,
                            intervals.map((iv, j) => (j === i ? [time, iv[1]] : iv)),
                          );
                      }}
                      aria-label={`${dayName} ${i + 1}: ${t('contractEditor.from')}`}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `hours-${day}-error` : undefined}
                      onChange={(e) =>
                        setDay(
                          day,
                          intervals.map((iv, j) => (j === i ? [e.target.value, iv[1]] : iv)),
                        )
                      }
                    />
                    <span aria-hidden="true">–</span>
                    <input
                      className="input input-time num"
                      inputMode="numeric"
                      maxLength={5}
                      placeholder="17:30"
                      value={to}
                      onBlur={(e) => {
                        const time = normaliseTime(e.target.value);
                        if (time !== to)
                          setDay(
                            day,
                            intervals.map((iv, j) => (j === i ? [iv[0], time] : iv)),
                          );
                      }}
                      aria-label={`${dayName} ${i + 1}: ${t('contractEditor.until')}`}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `hours-${day}-error` : undefined}
                      onChange={(e) =>
                        setDay(
                          day,
                          intervals.map((iv, j) => (j === i ? [iv[0], e.target.value] : iv)),
                        )
                      }
                    />
                    <button
                      type="button"
                      className="btn btn-ghost btn-icon btn-tiny"
                      aria-label={t('contractEditor.removeInterval', { from, to, day: dayName })}
                      onClick={() =>
                        setDay(
                          day,
                          intervals.filter((_, j) => j !== i),
                        )
                      }
                    >
                      <Icon name="close" size={13} />
                    </button>
                  </span>
                ))}
                {next ? (
                  <button
                    type="button"
                    className="btn btn-ghost btn-small add-interval"
                    aria-label={t('contractEditor.addIntervalTo', { day: dayName })}
                    onClick={() => setDay(day, [...intervals, next])}
                  >
                    <Icon name="plus" size={12} />
                    {intervals.length === 0 ? t('contractEditor.addInterval') : null}
                  </button>
                ) : null}
              </div>
              {error ? (
                <span className="field-error hours-error" id={`hours-${day}-error`} data-testid={`hours-${day}-error`}>
                  {error}
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
      {issue('businessHours') && !WEEK.some((d) => issue(`businessHours.${d}`)) ? (
        <span className="field-error" data-testid="hours-error">
          {issue('businessHours')}
        </span>
      ) : null}
    </section>
  );
}
