import { z } from 'zod';
import { Id, line, text } from '../domain/common';
import { type Contract, ContractTerms } from '../domain/contract';
import type { Platform } from '../domain/platform';
import { VangnetError } from '../errors';
import { needsRole } from '../permissions';
import { LocalDate } from '../sla/calendar';
import { defineMutation } from './define';

export const ContractSetArgs = z.object({ id: Id, clientId: Id, effectiveFrom: LocalDate, terms: ContractTerms });
export type ContractSetArgs = z.infer<typeof ContractSetArgs>;

/**
 * Adds a version of a client's contract from a date; earlier versions stay as they were. The terms
 * decide every SLA clock and (later) the bill, so only a lead or an admin sets them.
 */
export const contractSet = defineMutation({
  name: 'contract.set',
  args: ContractSetArgs,
  reads: (args: ContractSetArgs) => ({
    existing: { table: 'contracts', by: 'id', value: args.id },
    client: { table: 'clients', by: 'id', value: args.clientId },
  }),
  permit: (actor) => needsRole(actor, 'lead', 'changeContract'),
  apply(args, rows, ctx) {
    if (rows.existing) throw new VangnetError('conflict', 'contract.exists', { id: args.id });
    if (!rows.client)
      throw new VangnetError('not_found', 'client.unknown', { id: args.clientId }, [{ path: 'clientId', code: 'unknownClient' }]);
    const row: Contract = {
      id: args.id,
      clientId: args.clientId,
      effectiveFrom: args.effectiveFrom,
      terms: args.terms,
      createdAt: ctx.now,
      createdBy: ctx.actor.id,
      fieldVersions: { effectiveFrom: ctx.hlc, terms: ctx.hlc },
    };
    return [{ op: 'insert', table: 'contracts', row }];
  },
});

export const PlatformCreateArgs = z.object({
  id: Id,
  clientId: Id,
  name: line(120),
  url: z
    .url({ protocol: /^https?$/, message: 'format.httpUrl' })
    .max(500)
    .nullable()
    .default(null),
  stack: text(200).trim().default(''),
  environments: z.array(line(40)).max(10).default(['production']),
});
export type PlatformCreateArgs = z.infer<typeof PlatformCreateArgs>;

/** A client's site or application: an inventory entry, not a contract term, so any engineer may add one. */
export const platformCreate = defineMutation({
  name: 'platform.create',
  args: PlatformCreateArgs,
  reads: (args: PlatformCreateArgs) => ({
    existing: { table: 'platforms', by: 'id', value: args.id },
    client: { table: 'clients', by: 'id', value: args.clientId },
  }),
  apply(args, rows, ctx) {
    if (rows.existing) throw new VangnetError('conflict', 'platform.exists', { id: args.id });
    if (!rows.client)
      throw new VangnetError('not_found', 'client.unknown', { id: args.clientId }, [{ path: 'clientId', code: 'unknownClient' }]);
    const v = ctx.hlc;
    const row: Platform = {
      ...args,
      createdAt: ctx.now,
      createdBy: ctx.actor.id,
      fieldVersions: { name: v, url: v, stack: v, environments: v },
    };
    return [{ op: 'insert', table: 'platforms', row }];
  },
});

export const PlatformDeleteArgs = z.object({ id: Id });
export type PlatformDeleteArgs = z.infer<typeof PlatformDeleteArgs>;

/**
 * Removes a platform (no other row refers to one): a tombstone that removes it on every laptop too.
 * An inventory entry others may rely on, so only a lead or an admin removes one.
 */
export const platformDelete = defineMutation({
  name: 'platform.delete',
  summary: 'Deletes a platform everywhere (a tombstone); leads and admins only.',
  args: PlatformDeleteArgs,
  reads: (args: PlatformDeleteArgs) => ({ platform: { table: 'platforms', by: 'id', value: args.id } }),
  permit: (actor) => needsRole(actor, 'lead', 'deletePlatform'),
  apply(args, rows) {
    if (!rows.platform) throw new VangnetError('not_found', 'platform.unknown', { id: args.id }, [{ path: 'id', code: 'unknownPlatform' }]);
    return [{ op: 'delete', table: 'platforms', before: rows.platform }];
  },
});
