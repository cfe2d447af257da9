import type { Profile } from '../../../shared/contract';
import type { ErrorInfo } from '../../../shared/errors';
import { callEngine } from '../api/vangnet';
import { IDLE, type LoadStatus, type MutationState, type SliceCreator } from './types';

export interface ProfileSlice {
  profile: Profile | null;
  profileStatus: LoadStatus;
  profileError: ErrorInfo | null;
  profileSave: MutationState;
  loadProfile(): Promise<void>;
  saveProfile(name: string): Promise<boolean>;
}

export const createProfileSlice: SliceCreator<ProfileSlice> = (set) => ({
  profile: null,
  profileStatus: 'idle',
  profileError: null,
  profileSave: IDLE,
  async loadProfile() {
    set({ profileStatus: 'loading' });
    const result = await callEngine((api) => api.profile.get({}));
    if (result.ok) set({ profile: result.value, profileStatus: 'ready', profileError: null });
    else set({ profileStatus: 'error', profileError: result.error });
  },
  async saveProfile(name) {
    set({ profileSave: { pending: true, error: null } });
    const result = await callEngine((api) => api.profile.set({ name }));
    if (!result.ok) {
      set({ profileSave: { pending: false, error: result.error } });
      return false;
    }
    set({ profile: result.value, profileStatus: 'ready', profileSave: IDLE });
    return true;
  },
});
