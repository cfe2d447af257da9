import type { ClientSummary } from '../../../shared/contract';
import type { Client } from '../../../shared/domain/client';
import type { ErrorInfo } from '../../../shared/errors';
import { callEngine } from '../api/vangnet';
import { IDLE, type LoadStatus, type MutationState, type SliceCreator } from './types';

export interface ClientsSlice {
  /** Every client: an agency has tens to hundreds, and the incident form needs them all. */
  clients: ClientSummary[];
  clientsStatus: LoadStatus;
  clientsError: ErrorInfo | null;
  clientSearch: string;
  clientCreate: MutationState;
  loadClients(): Promise<void>;
  setClientSearch(search: string): void;
  createClient(input: { name: string; code?: string }): Promise<Client | null>;
  resetClientCreate(): void;
}

export const createClientsSlice: SliceCreator<ClientsSlice> = (set, get) => ({
  clients: [],
  clientsStatus: 'idle',
  clientsError: null,
  clientSearch: '',
  clientCreate: IDLE,
  async loadClients() {
    if (get().clientsStatus !== 'ready') set({ clientsStatus: 'loading' });
    const result = await callEngine((api) => api.clients.list({}));
    if (result.ok) set({ clients: result.value, clientsStatus: 'ready', clientsError: null });
    else set({ clientsStatus: 'error', clientsError: result.error });
  },
  setClientSearch(clientSearch) {
    set({ clientSearch });
  },
  async createClient(input) {
    set({ clientCreate: { pending: true, error: null } });
    const code = input.code?.trim();
    const result = await callEngine((api) => api.clients.create({ name: input.name, ...(code ? { code } : {}) }));
    if (!result.ok) {
      set({ clientCreate: { pending: false, error: result.error } });
      return null;
    }
    set({ clientCreate: IDLE });
    // data.changed will refresh too; loading now makes the new row appear without waiting for it.
    void get().loadClients();
    return result.value;
  },
  resetClientCreate() {
    set({ clientCreate: IDLE });
  },
});
