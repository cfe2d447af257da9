import type { TFunction } from 'i18next';
import type { SyncStatus } from '../../../shared/contract';
import { missingCase } from '../../../shared/errors';
import type { MutationName } from '../../../shared/mutations';
import { formatRelative } from '../i18n/format';
import { errorText } from './errorText';
import type { Language } from '../i18n/i18n';

/** The dot's colour: grey (local only), green, accent (working), amber (offline), red (error). */
export type SyncTone = 'local' | 'ok' | 'busy' | 'warning' | 'danger';

export interface SyncSummary {
  tone: SyncTone;
  label: string;
  /** A round runs under a settled state (a quick one, or a retry while offline): the label stays, the dot pulses. */
  retrying: boolean;
  /** The label already says how many changes wait (offline), so the status bar leaves out its count. */
  countsPending: boolean;
}

const JUST_NOW_MS = 45_000;

/** What the sync slice knows: the engine's status, its last settled state, and whether this round runs long. */
export interface SyncView {
  status: SyncStatus;
  settled: SyncStatus['state'] | null;
  slow: boolean;
}

/** One line for the sync state, as the status bar, the sidebar and the sync panel all show it. */
export function summariseSync(t: TFunction, { status, settled, slow }: SyncView, now: number, language: Language): SyncSummary {
  // Keep saying what the last finished round found while the engine retries an unreachable server,
  // and while a round has not yet run long enough to be worth mentioning.
  const retrying = status.state === 'syncing' && settled !== null && (settled === 'offline' || settled === 'error' || !slow);
  const state = retrying && settled ? settled : status.state;
  switch (state) {
    case 'unpaired':
      return { tone: 'local', label: t('status.localOnly'), retrying, countsPending: false };
    case 'syncing':
      return { tone: 'busy', label: t('status.syncing'), retrying, countsPending: false };
    case 'idle': {
      if (!status.lastSyncAt) return { tone: 'local', label: t('status.notSyncedYet'), retrying, countsPending: false };
      const label =
        now - Date.parse(status.lastSyncAt) < JUST_NOW_MS
          ? t('status.syncedJustNow')
          : t('status.synced', { when: formatRelative(status.lastSyncAt, now, language) });
      return { tone: 'ok', label, retrying, countsPending: false };
    }
    case 'offline':
      return {
        tone: 'warning',
        label: status.pending > 0 ? t('status.offlineWaiting', { count: status.pending }) : t('status.offline'),
        retrying,
        countsPending: true,
      };
    case 'error':
      return { tone: 'danger', label: t('status.error', { message: lastErrorText(t, status) ?? '' }), retrying, countsPending: false };
    default:
      return missingCase(state);
  }
}

type MutationKey = 'clientCreate' | 'incidentCreate' | 'incidentUpdate';

// Keyed by the shared list of mutations; one without a name here still reads as "Change (its.name)".
const MUTATION_KEYS: Partial<Record<MutationName, MutationKey>> = {
  'client.create': 'clientCreate',
  'incident.create': 'incidentCreate',
  'incident.update': 'incidentUpdate',
};

/** "New client", "Incident edit": a mutation's name as an engineer would say it. */
export function mutationLabel(t: TFunction, name: string): string {
  const key = Object.hasOwn(MUTATION_KEYS, name) ? MUTATION_KEYS[name as MutationName] : undefined;
  return key ? t(`sync.mutation.${key}`) : t('sync.mutation.other', { name });
}

/** Why the last round failed, in the language on screen (rendered from its key; the English `lastError` is for the CLI). */
export function lastErrorText(t: TFunction, status: SyncStatus): string | null {
  if (!status.lastErrorCode) return null;
  return errorText(t, { code: status.lastErrorCode, message: status.lastError ?? '', ...keyed(status.lastErrorKey, status.lastErrorParams) });
}

/**
 * Why the server refused a change, in the language on screen. A refusal stored before codes were
 * kept has only the server's English words, so those are all there is to show.
 */
export function refusalText(t: TFunction, refusal: SyncStatus['rejected'][number]): string {
  if (!refusal.code) return refusal.error;
  return errorText(t, { code: refusal.code, message: refusal.error, ...keyed(refusal.key, refusal.params) });
}

function keyed(key: string | null, params: SyncStatus['lastErrorParams']) {
  return { ...(key ? { key } : {}), ...(params ? { params } : {}) };
}
