import { sql as m0001 } from './0001_initial';

/** Numbered, immutable migrations. `user_version` equals the number of the last one applied. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial', sql: m0001 }];

export const LATEST_VERSION = MIGRATIONS.length;
