import { z } from 'zod';

export const AuditEntry = z.object({
  seq: z.number().int(),
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
  hash: z.string(),
  /** True once the office server has it (then it carries the server's chain hash). */
  synced: z.boolean(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** A server audit entry as it travels in the change log: an audit entry with its server id and link. */
export const SyncedAudit = AuditEntry.omit({ seq: true, synced: true }).extend({ id: z.number().int(), prevHash: z.string() });
export type SyncedAudit = z.infer<typeof SyncedAudit>;
