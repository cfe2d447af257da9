import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DurationUnits } from './slaClock';

/** "d h m s" in English, "d u m s" in Dutch, for countdowns and targets. */
export function useDurationUnits(): DurationUnits {
  const { t } = useTranslation();
  const d = t('sla.unit.d');
  const h = t('sla.unit.h');
  const m = t('sla.unit.m');
  const s = t('sla.unit.s');
  return useMemo(() => ({ d, h, m, s }), [d, h, m, s]);
}
