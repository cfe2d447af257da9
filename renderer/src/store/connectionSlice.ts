import type { ConnectionState } from '../api/webSocketApi';
import type { SliceCreator } from './types';

export interface ConnectionSlice {
  /** The link to the engine. Always `connected` under Electron; the web host's socket can drop. */
  connection: ConnectionState;
  setConnection(connection: ConnectionState): void;
}

export const createConnectionSlice: SliceCreator<ConnectionSlice> = (set) => ({
  connection: 'connected',
  setConnection(connection) {
    set({ connection });
  },
});
