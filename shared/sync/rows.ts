import { z } from 'zod';
import { AuditEntry } from '../domain/audit';
import { Client } from '../domain/client';
import { Contract } from '../domain/contract';
import { Incident } from '../domain/incident';
import { TimelineEntry } from '../domain/lifecycle';
import { Platform } from '../domain/platform';
import { Engineer } from './protocol';

/** A server audit entry as it travels in the change log: an audit entry with its server id and link. */
export const SyncedAudit = AuditEntry.omit({ seq: true, synced: true }).extend({ id: z.number().int(), prevHash: z.string() });
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
