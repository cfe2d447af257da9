import { z } from 'zod';
import { wellFormedText } from '../validation';

/** Ids are UUIDs made on the device that creates the row, so offline creation needs no server. */
export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

export const IsoTime = z.iso.datetime({ offset: true });

/** Trimmed single-line text with a length limit: titles, names. */
export function line(max: number) {
  return wellFormedText()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\r\n]/.test(s), { message: 'text.singleLine' });
}

/** Free text with a length limit: descriptions, notes. */
export function text(max: number) {
  return wellFormedText().max(max);
}

/** Per-field HLC stamps of a mutable row: the basis of last-writer-wins merges. */
export const FieldVersions = z.record(z.string(), z.string());
export type FieldVersions = z.infer<typeof FieldVersions>;

/** What an engineer may do grows with the role, in this order (see shared/permissions.ts). */
export const ROLES = ['engineer', 'lead', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/**
 * Who runs a mutation: an engineer (the role from the server's engineers row, never from a
 * payload) or the server itself (`system`: alerts, escalations), which may do everything.
 */
export const Actor = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(['engineer', 'system']),
  role: Role,
});
export type Actor = z.infer<typeof Actor>;
