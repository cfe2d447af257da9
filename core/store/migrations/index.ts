import { sql as m0001 } from './0001_initial';
import { sql as m0002 } from './0002_sync';
import { sql as m0003 } from './0003_lifecycle';
import { sql as m0004 } from './0004_list_indexes';
import { sql as m0005 } from './0005_search_text';
import { sql as m0006 } from './0006_rejection_code';
import { sql as m0007 } from './0007_settings';
import { sql as m0008 } from './0008_rejection_key';
import { sql as m0009 } from './0009_time';
import { sql as m0010 } from './0010_budget_lines';
import { sql as m0011 } from './0011_month_closes';
import { sql as m0012 } from './0012_change_requests';
import { sql as m0013 } from './0013_incident_merge';
import { sql as m0014 } from './0014_budget_notices';

/** Numbered, immutable migrations. `user_version` equals the number of the last one applied. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: m0001 },
  { version: 2, name: 'sync', sql: m0002 },
  { version: 3, name: 'lifecycle', sql: m0003 },
  { version: 4, name: 'list_indexes', sql: m0004 },
  { version: 5, name: 'search_text', sql: m0005 },
  { version: 6, name: 'rejection_code', sql: m0006 },
  { version: 7, name: 'settings', sql: m0007 },
  { version: 8, name: 'rejection_key', sql: m0008 },
  { version: 9, name: 'time', sql: m0009 },
  { version: 10, name: 'budget_lines', sql: m0010 },
  { version: 11, name: 'month_closes', sql: m0011 },
  { version: 12, name: 'change_requests', sql: m0012 },
  { version: 13, name: 'incident_merge', sql: m0013 },
  // 0011–0013 are handed to parallel branches.
  { version: 14, name: 'budget_notices', sql: m0014 },
];

export const LATEST_VERSION = MIGRATIONS.at(-1)!.version;
