import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/store';

export interface EngineerOption {
  id: string;
  label: string;
}

/**
 * Who an incident can be assigned to: this laptop's engineer first ("Me"), then the colleagues the
 * office server knows (none until the laptop is paired).
 */
export function useEngineerOptions(): EngineerOption[] {
  const { t } = useTranslation();
  const profile = useStore((s) => s.profile);
  const engineers = useStore((s) => s.engineers);
  return useMemo(() => {
    const options: EngineerOption[] = [];
    if (profile) options.push({ id: profile.engineerId, label: t('actions.me', { name: profile.name }) });
    for (const e of engineers) if (e.active && e.id !== profile?.engineerId) options.push({ id: e.id, label: e.name });
    return options;
  }, [profile, engineers, t]);
}

/** A name for an engineer id, for the detail and the timeline. */
export function useEngineerName(): (id: string | null) => string | null {
  const { t } = useTranslation();
  const profile = useStore((s) => s.profile);
  const engineers = useStore((s) => s.engineers);
  return useCallback(
    (id) => {
      if (id === null) return null;
      if (id === profile?.engineerId) return profile.name;
      return engineers.find((e) => e.id === id)?.name ?? t('actions.someone', { id: id.slice(0, 8) });
    },
    [profile, engineers, t],
  );
}
