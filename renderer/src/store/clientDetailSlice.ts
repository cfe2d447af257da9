import type { Contract } from '../../../shared/domain/contract';
import type { Platform } from '../../../shared/domain/platform';
import type { ErrorInfo } from '../../../shared/errors';
import { callEngine } from '../api/vangnet';
import { IDLE, type LoadStatus, type MutationState, type SliceCreator } from './types';

export interface PlatformInput {
  name: string;
  url: string;
  stack: string;
  /** As typed: comma-separated. */
  environments: string;
}

export interface ClientDetailSlice {
  /** The client opened in the Clients room, or null for the table. */
  selectedClientId: string | null;
  /** The version in force today and every version, newest first. */
  contracts: { current: Contract | null; history: Contract[] } | null;
  contractsStatus: LoadStatus;
  contractsError: ErrorInfo | null;
  platforms: Platform[];
  platformsStatus: LoadStatus;
  platformsError: ErrorInfo | null;
  platformCreate: MutationState;
  selectClient(id: string | null): void;
  refreshClientDetail(): Promise<void>;
  createPlatform(input: PlatformInput): Promise<boolean>;
  resetPlatformCreate(): void;
}

export const createClientDetailSlice: SliceCreator<ClientDetailSlice> = (set, get) => ({
  selectedClientId: null,
  contracts: null,
  contractsStatus: 'idle',
  contractsError: null,
  platforms: [],
  platformsStatus: 'idle',
  platformsError: null,
  platformCreate: IDLE,
  selectClient(id) {
    if (id === get().selectedClientId) return;
    set({
      selectedClientId: id,
      contracts: null,
      contractsStatus: id ? 'loading' : 'idle',
      contractsError: null,
      platforms: [],
      platformsStatus: id ? 'loading' : 'idle',
      platformsError: null,
      platformCreate: IDLE,
    });
    get().closeContractEditor();
    if (id) void get().refreshClientDetail();
    if (id) void get().loadBudget();
  },
  async refreshClientDetail() {
    const clientId = get().selectedClientId;
    if (!clientId) return;
    const [contracts, platforms] = await Promise.all([
      callEngine((api) => api.contracts.get({ clientId })),
      callEngine((api) => api.platforms.list({ clientId })),
    ]);
    if (get().selectedClientId !== clientId) return;
    if (contracts.ok) set({ contracts: contracts.value, contractsStatus: 'ready', contractsError: null });
    else set({ contractsStatus: 'error', contractsError: contracts.error });
    if (platforms.ok) set({ platforms: platforms.value, platformsStatus: 'ready', platformsError: null });
    else set({ platformsStatus: 'error', platformsError: platforms.error });
  },
  async createPlatform(input) {
    const clientId = get().selectedClientId;
    if (!clientId) return false;
    set({ platformCreate: { pending: true, error: null } });
    const url = input.url.trim();
    const stack = input.stack.trim();
    const environments = input.environments
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    const result = await callEngine((api) =>
      api.platforms.create({
        clientId,
        name: input.name,
        ...(url ? { url } : {}),
        ...(stack ? { stack } : {}),
        ...(environments.length ? { environments } : {}),
      }),
    );
    if (!result.ok) {
      set({ platformCreate: { pending: false, error: result.error } });
      return false;
    }
    set({ platformCreate: IDLE });
    void get().refreshClientDetail();
    return true;
  },
  resetPlatformCreate() {
    set({ platformCreate: IDLE });
  },
});
