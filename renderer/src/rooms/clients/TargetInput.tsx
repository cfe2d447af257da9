import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Priority } from '../../../../shared/domain/incident';
import type { SlaTarget } from '../../../../shared/sla/policy';
import { formatMinutes } from '../../lib/slaClock';
import { useDurationUnits } from '../../lib/useDurationUnits';
import { useStore } from '../../store/store';
import { useContractIssue } from './useContractIssue';

interface TargetInputProps {
  priority: Priority;
  clock: 'response' | 'resolution';
  target: SlaTarget | null;
}

const FALLBACK: SlaTarget = { minutes: 60, calendar: 'business' };

/**
 * One target as three table cells: minutes (also shown in hours and minutes), its calendar, and
 * a best-effort toggle that takes the target away (and gives the same one back when unticked).
 */
export function TargetInput({ priority, clock, target }: TargetInputProps) {
  const { t } = useTranslation();
  const units = useDurationUnits();
  const edit = useStore((s) => s.editDraft);
  const issue = useContractIssue();
  const [remembered, setRemembered] = useState<SlaTarget>(target ?? FALLBACK);
  const id = `target-${priority}-${clock}`;
  const name = t('contractEditor.targetLabel', { priority, clock: t(`sla.${clock}`) });
  const minutesError = issue(`targets.${priority}.${clock}.minutes`);
  const calendarError = issue(`targets.${priority}.${clock}.calendar`);
  const otherError = !minutesError && !calendarError ? issue(`targets.${priority}.${clock}`) : undefined;
  const error = minutesError ?? calendarError ?? otherError;

  function set(next: SlaTarget | null): void {
    if (next) setRemembered(next);
    edit((d) => ({ ...d, targets: { ...d.targets, [priority]: { ...d.targets[priority], [clock]: next } } }));
  }

  return (
    <>
      {target ? (
        <>
          <td className="target-minutes-cell">
            <div className="target-minutes">
              <input
                id={id}
                type="number"
                className="input input-minutes num"
                min={1}
                step={1}
                value={Number.isFinite(target.minutes) ? target.minutes : ''}
                aria-label={`${name}: ${t('contractEditor.minutes')}`}
                aria-invalid={minutesError ? true : undefined}
                aria-describedby={error ? `${id}-error` : `${id}-hm`}
                data-testid={`${id}-minutes`}
                onChange={(e) => set({ ...target, minutes: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
              />
              <span className="target-hm num" id={`${id}-hm`}>
                {target.minutes > 0 ? `= ${formatMinutes(target.minutes, units)}` : ''}
              </span>
            </div>
            {error ? (
              <span className="field-error" id={`${id}-error`} data-testid={`${id}-error`}>
                {error}
              </span>
            ) : null}
          </td>
          <td>
            <select
              className="select select-compact target-calendar-select"
              value={target.calendar}
              aria-label={`${name}: ${t('contractEditor.calendar')}`}
              aria-invalid={calendarError ? true : undefined}
              data-testid={`${id}-calendar`}
              onChange={(e) => set({ ...target, calendar: e.target.value })}
            >
              <option value="24/7">{t('contractEditor.calendarAlways')}</option>
              <option value="business">{t('contractEditor.calendarBusiness')}</option>
            </select>
          </td>
        </>
      ) : (
        <td colSpan={2} className="target-none muted">
          {t('sla.noTarget')}
        </td>
      )}
      <td className="target-toggle">
        <input
          type="checkbox"
          checked={target === null}
          aria-label={`${name}: ${t('contractEditor.bestEffort')}`}
          data-testid={`${id}-best-effort`}
          onChange={(e) => set(e.target.checked ? null : remembered)}
        />
      </td>
    </>
  );
}
