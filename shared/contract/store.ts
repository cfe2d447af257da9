import { z } from 'zod';
import { BackupName, StoreStatus } from '../storeHealth';
import { call, NoArgs } from './common';

export const storeCalls = {
  store: {
    /** Damage mark, verified backups, last full check. Answered even when the store could not be opened. */
    status: call(NoArgs, StoreStatus),
    /**
     * Moves the current store files aside (`<data dir>/damaged/<instant>/`, never deleted) and puts the
     * named backup in place, then reopens. Served by the host, which owns the engine's lifetime.
     */
    restore: call(z.object({ name: BackupName }), StoreStatus),
  },
} as const;
