import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/store';

/** Whose time the room shows: only for a lead or admin (an engineer sees their own, the only time they may change). */
export function EngineerPicker() {
  const { t } = useTranslation();
  const people = useStore((s) => s.timePeople);
  const chosen = useStore((s) => s.timeEngineer);
  const choose = useStore((s) => s.setTimeEngineer);
  if (!people?.canChangeOthers || people.engineers.length < 2) return null;
  return (
    <label className="time-engineer">
      <span className="field-label">{t('timeEntries.engineer')}</span>{' '}
      <select className="select" value={chosen ?? people.me} onChange={(e) => choose(e.target.value)} data-testid="time-engineer">
        {people.engineers.map((p) => (
          <option key={p.id} value={p.id}>
            {p.id === people.me ? t('timeEntries.me', { name: p.name }) : p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
