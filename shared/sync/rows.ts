import type { z } from 'zod';
import { type SyncedTable, TABLE_SPECS } from '../schema/tables';

export { SyncedAudit } from '../domain/audit';
export type { SyncedTable } from '../schema/tables';

/** The schema every pulled row of each table must satisfy before a laptop stores it (from the table registry). */
export const SYNCED_ROW_SCHEMAS = Object.fromEntries(Object.entries(TABLE_SPECS).map(([t, spec]) => [t, spec.schema])) as {
  readonly [T in SyncedTable]: (typeof TABLE_SPECS)[T]['schema'];
} & Readonly<Record<SyncedTable, z.ZodType>>;
