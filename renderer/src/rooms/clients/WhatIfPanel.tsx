import { useTranslation } from 'react-i18next';
import { PRIORITIES, type Priority } from '../../../../shared/domain/incident';
import { formatDue } from '../../i18n/format';
import { errorText, issueSentence } from '../../lib/errorText';
import { explanationOnScreen } from '../../lib/explanationText';
import { isTimeZone } from '../../lib/zonedTime';
import { useStore } from '../../store/store';

/** "Reported Friday 16:55 as P2 → due …": both due instants under the terms being edited, explained. */
export function WhatIfPanel() {
  const { t } = useTranslation();
  const zone = useStore((s) => s.draft?.timeZone ?? 'Europe/Amsterdam');
  const input = useStore((s) => s.whatIf);
  const setWhatIf = useStore((s) => s.setWhatIf);
  const result = useStore((s) => s.whatIfResult);
  const status = useStore((s) => s.whatIfStatus);
  const error = useStore((s) => s.whatIfError);
  const language = useStore((s) => s.language);
  const shownZone = isTimeZone(zone) ? zone : 'Europe/Amsterdam';
  const problem = error ? (error.issues?.[0] ? issueSentence(t, error.issues[0]) : errorText(t, error)) : null;

  const rows = [
    { key: 'response', label: t('contractEditor.whatIf.responseDue'), due: result?.responseDueAt ?? null, why: result ? explanationOnScreen(t, language, result.response) : '' },
    {
      key: 'resolution',
      label: t('contractEditor.whatIf.resolutionDue'),
      due: result?.resolutionDueAt ?? null,
      why: result ? explanationOnScreen(t, language, result.resolution) : '',
    },
  ];

  return (
    <section className="card what-if" aria-labelledby="what-if-title" data-testid="what-if">
      <header className="card-head">
        <h3 id="what-if-title" className="card-title">
          {t('contractEditor.whatIf.title')}
        </h3>
      </header>
      <p className="field-hint">{t('contractEditor.whatIf.intro')}</p>
      <div className="what-if-inputs">
        <label className="field">
          <span className="field-label">{t('contractEditor.whatIf.reported', { zone: shownZone })}</span>
          <input
            type="datetime-local"
            className="input"
            value={input.reportedAt}
            data-testid="what-if-reported"
            onChange={(e) => setWhatIf({ reportedAt: e.target.value })}
          />
        </label>
        <label className="field what-if-priority">
          <span className="field-label">{t('contractEditor.whatIf.priority')}</span>
          <select
            className="select"
            value={input.priority}
            data-testid="what-if-priority"
            onChange={(e) => setWhatIf({ priority: e.target.value as Priority })}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {p} — {t(`priority.hint.${p}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {problem ? (
        <p className="preview-problem" role="status" data-testid="what-if-error">
          {t('contractEditor.whatIf.error')}: {problem}
        </p>
      ) : null}
      {result ? (
        <dl className="what-if-result" data-stale={status === 'loading' || status === 'error'}>
          {rows.map((row) => (
            <div key={row.key} className="what-if-row" data-testid={`what-if-${row.key}`}>
              <dt>{row.label}</dt>
              <dd>
                <span className="what-if-due num" data-testid="what-if-due">
                  {row.due ? formatDue(row.due, language, shownZone) : t('contractEditor.whatIf.noTarget')}
                </span>
                {row.why ? <span className="what-if-why">{row.why}</span> : null}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}
