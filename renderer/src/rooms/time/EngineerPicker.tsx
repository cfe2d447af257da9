import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/store';

interface PickerProps {
  /** The chosen engineer; default the Time room's (whose time it shows). */
  value?: string;
  onChange?(id: string): void;
  testId?: string;
}

/** Whose time: only for a lead or admin (an engineer sees and logs their own, the only time they may change). */
export function EngineerPicker({ value, onChange, testId = 'time-engineer' }: PickerProps = {}) {
  const { t } = useTranslation();
  const people = useStore((s) => s.timePeople);
  const viewed = useStore((s) => s.timeEngineer);
  const view = useStore((s) => s.setTimeEngineer);
  if (!people?.canChangeOthers || people.engineers.length < 2) return null;
  const chosen = value ?? viewed ?? people.me;
  return (
    <label className="time-engineer">
      <span className="field-label">{t('timeEntries.engineer')}</span>{' '}
      <select className="select" value={chosen} onChange={(e) => (onChange ?? view)(e.target.value)} data-testid={testId}>
        {people.engineers.map((p) => (
          <option key={p.id} value={p.id}>
            {p.id === people.me ? t('timeEntries.me', { name: p.name }) : p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
