import type { ResultOf, SyncRound, SyncStatus } from '../../../shared/contract';
import type { ErrorInfo } from '../../../shared/errors';
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
  dismissRejection(mutationId: number): Promise<void>;
  loadEngineers(): Promise<void>;
}

// The engine reports an unreachable server as `internal` with this wording (see the report on the
// sync client's login); treat it like `unavailable` so the form can say "cannot reach the server".
const UNREACHABLE = /^Cannot reach /;

// A round usually takes a few milliseconds; flashing "Syncing…" for each would only be noise.
const SHOW_SYNCING_AFTER_MS = 300;

/** Refusals that mean the office server could not be reached, as opposed to one that said no. */
export function isUnreachable(error: ErrorInfo): boolean {
  return error.code === 'unavailable' || (error.code === 'internal' && UNREACHABLE.test(error.message));
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
      set({ syncRound: { ...IDLE, result: null }, dismissError: null });
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
