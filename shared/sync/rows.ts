import { z } from 'zod';
import { Client } from '../domain/client';
import { Contract } from '../domain/contract';
import { Incident } from '../domain/incident';
import { TimelineEntry } from '../domain/lifecycle';
import { Platform } from '../domain/platform';
import { Engineer } from './protocol';

/** A server audit entry as it travels in the change log. */
export const SyncedAudit = z.object({
  id: z.number().int(),
  at: z.string(),
  hlc: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  deviceId: z.string(),
  mutation: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type SyncedAudit = z.infer<typeof SyncedAudit>;

/** The schema every pulled row of each table must satisfy before a laptop stores it. */
export const SYNCED_ROW_SCHEMAS = {
  clients: Client,
  incidents: Incident,
  incidentEvents: TimelineEntry,
  contracts: Contract,
  platforms: Platform,
  engineers: Engineer,
  audit: SyncedAudit,
} as const;
export type SyncedTable = keyof typeof SYNCED_ROW_SCHEMAS;
