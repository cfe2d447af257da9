import type { ErrorInfo } from '../../shared/errors';
import type { StoreStatus } from '../../shared/storeHealth';
import { listBackups } from './backups';
import { storeFile } from './paths';
import { readDamage } from './storeDamage';

/** The store's health as `store.status` answers it, from what lies in the data folder. */
export function storeStatus(
  dataDir: string,
  state: { open: boolean; error?: ErrorInfo | null; lastFullCheck?: StoreStatus['lastFullCheck'] },
): StoreStatus {
  return {
    open: state.open,
    damage: readDamage(storeFile(dataDir)),
    error: state.error ? { code: state.error.code, message: state.error.message } : null,
    backups: listBackups(dataDir),
    lastFullCheck: state.lastFullCheck ?? null,
  };
}
