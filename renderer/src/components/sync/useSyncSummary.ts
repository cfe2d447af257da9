import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/contract';
import { useNow } from '../../lib/clock';
import { summariseSync, type SyncSummary } from '../../lib/syncSummary';
import { useStore } from '../../store/store';

/** The sync state in words and colour, kept current by the store and the shared clock; null before the first read. */
export function useSyncSummary(): { status: SyncStatus; summary: SyncSummary } | null {
  const { t } = useTranslation();
  const status = useStore((s) => s.sync);
  const settled = useStore((s) => s.syncSettled);
  const slow = useStore((s) => s.syncSlow);
  const language = useStore((s) => s.language);
  const now = useNow();
  return status ? { status, summary: summariseSync(t, { status, settled, slow }, now, language) } : null;
}
