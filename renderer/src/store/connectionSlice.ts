import type { ConnectionState } from '../api/webSocketApi';
import type { SliceCreator } from './types';

export interface ConnectionSlice {
  /** The link to the engine, from `VangnetApi.onLink`: the web host's socket can drop, the engine process can restart. */
  connection: ConnectionState;
  setConnection(connection: ConnectionState): void;
}

export const createConnectionSlice: SliceCreator<ConnectionSlice> = (set) => ({
  connection: 'connected',
  setConnection(connection) {
    set({ connection });
  },
});
