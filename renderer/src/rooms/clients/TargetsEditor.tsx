import { useTranslation } from 'react-i18next';
import { PRIORITIES } from '../../../../shared/domain/incident';
import { PriorityBadge } from '../../components/PriorityBadge';
import { useStore } from '../../store/store';
import { TargetInput } from './TargetInput';

const CLOCKS = ['response', 'resolution'] as const;

/** Response and resolution targets per priority, one line each: minutes on a calendar, or best effort. */
export function TargetsEditor() {
  const { t } = useTranslation();
  const targets = useStore((s) => s.draft?.targets);
  if (!targets) return null;
  return (
    <section className="editor-section" aria-labelledby="targets-title">
      <h3 id="targets-title" className="section-title">
        {t('contract.targets')}
      </h3>
      <p className="field-hint">{t('contractEditor.targetsHint')}</p>
      <table className="targets-editor" data-testid="targets-editor">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('priority.label')}</span>
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('sla.title')}</span>
            </th>
            <th scope="col">{t('contractEditor.minutes')}</th>
            <th scope="col">{t('contractEditor.calendar')}</th>
            <th scope="col">{t('contractEditor.bestEffort')}</th>
          </tr>
        </thead>
        {PRIORITIES.map((p) => (
          <tbody key={p} className="target-group">
            {CLOCKS.map((clock) => (
              <tr key={clock}>
                {clock === 'response' ? (
                  <th scope="rowgroup" rowSpan={2} className="target-priority">
                    <PriorityBadge priority={p} />
                  </th>
                ) : null}
                <th scope="row" className="target-clock">
                  {t(`sla.${clock}`)}
                </th>
                <TargetInput priority={p} clock={clock} target={targets[p][clock]} />
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </section>
  );
}
