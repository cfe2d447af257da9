import type { StoreStatus } from '../../../shared/storeHealth';
import { callEngine } from '../api/vangnet';
import { IDLE, type MutationState, type SliceCreator } from './types';

export interface StoreHealthSlice {
  /** The local store's damage mark and verified backups; null until first read. */
  storeStatus: StoreStatus | null;
  /** The restore under way (`name`) and its failure, if any. */
  storeRestore: MutationState & { name: string | null };
  loadStoreStatus(): Promise<void>;
  setStoreStatus(status: StoreStatus): void;
  /** Restores a verified backup; on success the engine is back (the caller reads everything again). */
  restoreBackup(name: string): Promise<boolean>;
}

/** True when the screen must say the store is damaged (marked, or refused at open as corrupt). */
export function storeNeedsRestore(status: StoreStatus | null): boolean {
  return status !== null && (status.damage !== null || status.error?.code === 'store_corrupt');
}

export const createStoreHealthSlice: SliceCreator<StoreHealthSlice> = (set) => ({
  storeStatus: null,
  storeRestore: { ...IDLE, name: null },
  async loadStoreStatus() {
    const result = await callEngine((api) => api.store.status({}));
    // An older engine without the call, or none at all: the profile's error already says so.
    if (result.ok) set({ storeStatus: result.value });
  },
  setStoreStatus(status) {
    set({ storeStatus: status });
  },
  async restoreBackup(name) {
    set({ storeRestore: { pending: true, error: null, name } });
    const result = await callEngine((api) => api.store.restore({ name }));
    if (!result.ok) {
      set({ storeRestore: { pending: false, error: result.error, name } });
      return false;
    }
    set({ storeStatus: result.value, storeRestore: { ...IDLE, name: null } });
    return true;
  },
});
