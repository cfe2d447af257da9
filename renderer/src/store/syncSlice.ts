import type { ResultOf, SyncRound, SyncStatus } from '../../../shared/contract';
import type { ErrorInfo } from '../../../shared/errors';
import type { ChecksumTable } from '../../../shared/sync/checksum';
import type { SyncRepairResult, SyncVerifyResult } from '../../../shared/sync/verify';
import { callEngine } from '../api/vangnet';
import { IDLE, type LoadStatus, type MutationState, type SliceCreator } from './types';

export type Engineer = ResultOf<'engineers.list'>[number];

export interface PairingInput {
  serverUrl: string;
  code: string;
  deviceName: string;
}

export interface SyncSlice {
  /** The engine's last word on sync; null until the first read. Kept current by the `sync.status` event. */
  sync: SyncStatus | null;
  syncStatus: LoadStatus;
  syncError: ErrorInfo | null;
  /**
   * The last state that was not `syncing`. While the engine retries an unreachable server it flips
   * offline → syncing → offline every few seconds; the status bar keeps saying "offline" meanwhile.
   */
  syncSettled: SyncStatus['state'] | null;
  /** The current round has run long enough to be worth saying "Syncing…" (most take milliseconds). */
  syncSlow: boolean;
  pairing: MutationState;
  syncRound: MutationState & { result: SyncRound | null };
  /** The last check of this laptop's tables against the server's (and repair, if one ran). */
  syncCheck: MutationState & { repairing: boolean; verify: SyncVerifyResult | null; repair: SyncRepairResult | null };
  /** Rejections whose Dismiss is on its way to the engine. */
  dismissing: number[];
  dismissError: ErrorInfo | null;
  engineers: Engineer[];
  loadSync(): Promise<void>;
  setSync(status: SyncStatus): void;
  pair(input: PairingInput): Promise<boolean>;
  resetPairing(): void;
  syncNow(): Promise<void>;
  resetSyncRound(): void;
  verifySync(): Promise<void>;
  repairSync(tables: ChecksumTable[]): Promise<void>;
  dismissRejection(mutationId: number): Promise<void>;
  loadEngineers(): Promise<void>;
}

// The engine reports an unreachable server as `internal` with this wording (see the report on the
// sync client's login); treat it like `unavailable` so the form can say "cannot reach the server".
const NO_CHECK: SyncSlice['syncCheck'] = { ...IDLE, repairing: false, verify: null, repair: null };

// A round usually takes a few milliseconds; flashing "Syncing…" for each would only be noise.
const SHOW_SYNCING_AFTER_MS = 300;

/** Refusals that mean the office server could not be reached, as opposed to one that said no. */
export function isUnreachable(error: ErrorInfo): boolean {
  return error.code === 'unavailable';
}

export const createSyncSlice: SliceCreator<SyncSlice> = (set, get) => {
  let slowTimer: ReturnType<typeof setTimeout> | undefined;

  function trackSlowRound(state: SyncStatus['state']): void {
    if (state !== 'syncing') {
      clearTimeout(slowTimer);
      slowTimer = undefined;
      if (get().syncSlow) set({ syncSlow: false });
      return;
    }
    slowTimer ??= setTimeout(() => {
      slowTimer = undefined;
      if (get().sync?.state === 'syncing') set({ syncSlow: true });
    }, SHOW_SYNCING_AFTER_MS);
  }

  return {
    sync: null,
    syncStatus: 'idle',
    syncError: null,
    syncSettled: null,
    syncSlow: false,
    pairing: IDLE,
    syncRound: { ...IDLE, result: null },
    syncCheck: { ...NO_CHECK },
    dismissing: [],
    dismissError: null,
    engineers: [],
    async loadSync() {
      if (get().syncStatus !== 'ready') set({ syncStatus: 'loading' });
      const result = await callEngine((api) => api.sync.status({}));
      if (result.ok) get().setSync(result.value);
      else set({ syncStatus: 'error', syncError: result.error });
    },
    setSync(status) {
      const previous = get().sync;
      set({
        sync: status,
        syncStatus: 'ready',
        syncError: null,
        syncSettled: status.state === 'syncing' ? (get().syncSettled ?? 'idle') : status.state,
      });
      trackSlowRound(status.state);
      // Pairing (here, or from the CLI on the same data folder) makes this laptop another engineer.
      if (previous && previous.serverUrl !== status.serverUrl) {
        void get().loadProfile();
        void get().loadEngineers();
      }
    },
    async pair(input) {
      set({ pairing: { pending: true, error: null } });
      const deviceName = input.deviceName.trim();
      const result = await callEngine((api) =>
        api.sync.login({ serverUrl: input.serverUrl.trim(), code: input.code.trim(), ...(deviceName ? { deviceName } : {}) }),
      );
      if (!result.ok) {
        set({ pairing: { pending: false, error: result.error } });
        return false;
      }
      set({ pairing: IDLE });
      get().setSync(result.value);
      // The profile is now the server's engineer, whatever the status event did or did not say.
      void get().loadProfile();
      void get().loadEngineers();
      return true;
    },
    resetPairing() {
      set({ pairing: IDLE });
    },
    async syncNow() {
      set({ syncRound: { pending: true, error: null, result: null } });
      const result = await callEngine((api) => api.sync.now({}));
      set({ syncRound: result.ok ? { ...IDLE, result: result.value } : { pending: false, error: result.error, result: null } });
      // The round's own status events normally arrive first; read once more in case one was missed.
      void get().loadSync();
    },
    resetSyncRound() {
      set({ syncRound: { ...IDLE, result: null }, syncCheck: { ...NO_CHECK }, dismissError: null });
    },
    async verifySync() {
      set({ syncCheck: { ...NO_CHECK, pending: true } });
      const result = await callEngine((api) => api.sync.verify({}));
      set({ syncCheck: result.ok ? { ...NO_CHECK, verify: result.value } : { ...NO_CHECK, error: result.error } });
    },
    async repairSync(tables) {
      set({ syncCheck: { ...get().syncCheck, pending: true, repairing: true, error: null } });
      const repaired = await callEngine((api) => api.sync.repair({ tables }));
      if (!repaired.ok) {
        set({ syncCheck: { ...get().syncCheck, pending: false, repairing: false, error: repaired.error } });
        return;
      }
      // Check again, so the panel shows the state the repair left.
      const verified = await callEngine((api) => api.sync.verify({}));
      set({
        syncCheck: verified.ok
          ? { ...NO_CHECK, verify: verified.value, repair: repaired.value }
          : { ...NO_CHECK, repair: repaired.value, error: verified.error },
      });
    },
    async dismissRejection(mutationId) {
      set({ dismissing: [...get().dismissing, mutationId], dismissError: null });
      const result = await callEngine((api) => api.sync.dismiss({ mutationId }));
      set({ dismissing: get().dismissing.filter((id) => id !== mutationId) });
      if (!result.ok) {
        set({ dismissError: result.error });
        return;
      }
      // The engine sends no status event for a dismissal; read the list again.
      await get().loadSync();
    },
    async loadEngineers() {
      const result = await callEngine((api) => api.engineers.list({}));
      if (result.ok) set({ engineers: result.value });
    },
  };
};
