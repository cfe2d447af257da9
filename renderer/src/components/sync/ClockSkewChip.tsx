import { useTranslation } from 'react-i18next';
import { clockWarning } from '../../../../shared/sync/clockOffset';
import { formatCountdown } from '../../lib/slaClock';
import { useDurationUnits } from '../../lib/useDurationUnits';
import { useStore } from '../../store/store';
import { Icon } from '../Icon';

/**
 * The status bar says at once when this laptop's clock is more than a minute off the office
 * server's, which way and how far: work is still accepted (the server corrects its times), but the
 * person should set the clock right.
 */
export function ClockSkewChip() {
  const { t } = useTranslation();
  const units = useDurationUnits();
  const offsetMs = useStore((s) => s.sync?.clock?.offsetMs);
  const warning = clockWarning(offsetMs);
  if (!warning) return null;
  const by = formatCountdown(warning.byMs, units);
  return (
    <span
      className="status-item status-chip status-chip-warning num"
      data-testid="status-clock"
      data-direction={warning.direction}
      title={t('status.clockTitle')}
    >
      <Icon name="alert" size={11} />
      {warning.direction === 'ahead' ? t('status.clockAhead', { by }) : t('status.clockBehind', { by })}
    </span>
  );
}
