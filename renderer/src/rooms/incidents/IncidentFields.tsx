import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../../shared/contract';
import { PRIORITIES, type Priority } from '../../../../shared/domain/incident';
import { CategorySelect } from '../../components/CategorySelect';
import { useEngineerName, useEngineerOptions } from '../../lib/useEngineers';
import { useStore } from '../../store/store';

/** Priority, assignee and category, each saved as soon as it is picked. */
export function IncidentFields({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const pending = useStore((s) => s.incidentAction.pending);
  const changePriority = useStore((s) => s.changePriority);
  const assign = useStore((s) => s.assignIncident);
  const categorise = useStore((s) => s.categorise);
  const paired = useStore((s) => s.sync !== null && s.sync.state !== 'unpaired');
  const engineers = useEngineerOptions();
  const nameOf = useEngineerName();
  // An assignee this laptop does not list (a colleague, before pairing) stays selectable by name.
  const unknownAssignee = incident.assigneeId && !engineers.some((e) => e.id === incident.assigneeId) ? incident.assigneeId : null;
  const notSupport = incident.category === 'new_functionality';

  return (
    <div className="detail-fields">
      <div className="field">
        <label className="field-label" htmlFor="detail-priority">
          {t('actions.priority')}
        </label>
        <select
          id="detail-priority"
          className="select"
          value={incident.priority}
          disabled={pending}
          data-testid="detail-priority"
          onChange={(e) => void changePriority(e.target.value as Priority)}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p} — {t(`priority.hint.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="detail-assignee">
          {t('actions.assignee')}
        </label>
        <select
          id="detail-assignee"
          className="select"
          value={incident.assigneeId ?? ''}
          disabled={pending}
          data-testid="detail-assignee"
          title={paired ? undefined : t('actions.pairForTeam')}
          onChange={(e) => void assign(e.target.value || null)}
        >
          <option value="">{t('actions.unassigned')}</option>
          {engineers.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
            </option>
          ))}
          {unknownAssignee ? <option value={unknownAssignee}>{nameOf(unknownAssignee)}</option> : null}
        </select>
      </div>
      <div className="field field-wide">
        <label className="field-label" htmlFor="detail-category">
          {t('category.label')}
        </label>
        <CategorySelect
          id="detail-category"
          value={incident.category}
          emptyLabel={t('category.none')}
          disabled={pending}
          testId="detail-category"
          aria-describedby={notSupport ? 'detail-category-hint' : undefined}
          onChange={(category) => void categorise(category)}
        />
        {notSupport ? (
          <p className="not-support" id="detail-category-hint" data-testid="not-support-hint">
            {t('category.notSupportHint')}
          </p>
        ) : null}
      </div>
    </div>
  );
}
