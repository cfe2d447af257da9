import { z } from 'zod';
import { addMonths, BillingMonth, monthRangeUtc } from '../billing/month';
import type { Client } from '../domain/client';
import { Id } from '../domain/common';
import type { Contract } from '../domain/contract';
import { type MonthClose, monthCloseId } from '../domain/monthClose';
import { contractInForce } from '../domain/slaInputs';
import { TimeReason } from '../domain/time';
import { VangnetError } from '../errors';
import { mergeFields } from '../merge';
import { needsRole } from '../permissions';
import { CONTRACT_VERSIONS_READ } from './budget';
import { defineMutation, type MutationContext, type Write } from './define';

/**
 * Closing a client's billing month (docs/time.md, "Closed months"): from then on the time entries
 * that start in it are immutable (shared/mutations/monthGuard.ts). Leads and admins only; a reopen
 * takes a reason. The row's id is `${clientId}:${month}`, and a close or reopen always writes it
 * (insert, or a field-stamped update of the copy it finds), so two laptops doing the same offline
 * converge on the later stamp instead of one being refused.
 */

/** Used when a client has no contract: the team's zone (as the Time room reads days). */
export const DEFAULT_MONTH_ZONE = 'Europe/Amsterdam';

export const MonthCloseArgs = z.object({ clientId: Id, month: BillingMonth });
export type MonthCloseArgs = z.infer<typeof MonthCloseArgs>;
export const MonthReopenArgs = MonthCloseArgs.extend({ reason: TimeReason });
export type MonthReopenArgs = z.infer<typeof MonthReopenArgs>;

const monthReads = (a: MonthCloseArgs) =>
  ({
    existing: { table: 'monthCloses', by: 'id', value: monthCloseId(a.clientId, a.month) },
    client: { table: 'clients', by: 'id', value: a.clientId },
    contracts: { table: 'contracts', where: { clientId: a.clientId }, limit: CONTRACT_VERSIONS_READ },
  }) as const;

/** The zone of the contract in force on the month's last day: the wall clock its entries are read on. */
export function monthZone(contracts: readonly Contract[], month: string): string {
  const lastDayNoon = new Date(Date.parse(`${addMonths(month, 1)}-01T00:00:00Z`) - 12 * 3_600_000).toISOString();
  return contractInForce(contracts, lastDayNoon)?.terms.timeZone ?? DEFAULT_MONTH_ZONE;
}

function knownClient(args: MonthCloseArgs, client: Client | undefined): void {
  if (!client) throw new VangnetError('not_found', 'client.unknown', { id: args.clientId }, [{ path: 'clientId', code: 'unknownClient' }]);
}

/** `fields` written onto the existing row (stamped, field by field) or as a new one. */
function written(
  args: MonthCloseArgs,
  existing: MonthClose | undefined,
  fields: Omit<MonthClose, 'id' | 'clientId' | 'month' | 'fieldVersions'>,
  ctx: MutationContext,
): Write {
  if (existing) {
    const merged = mergeFields(existing, existing.fieldVersions, fields, ctx.hlc);
    return { op: 'update', table: 'monthCloses', before: existing, row: { ...merged.row, fieldVersions: merged.versions } };
  }
  const row = { id: monthCloseId(args.clientId, args.month), clientId: args.clientId, month: args.month, ...fields };
  const versions = Object.fromEntries(
    Object.keys(row)
      .filter((f) => f !== 'id')
      .map((f) => [f, ctx.hlc]),
  );
  return { op: 'insert', table: 'monthCloses', row: { ...row, fieldVersions: versions } };
}

export const monthClose = defineMutation({
  name: 'month.close',
  summary:
    "Closes a client's billing month (id `${clientId}:${month}`): entries starting in it, on the wall clock of the contract's zone, can no longer change or be deleted, and no time is logged into it. Only a month that has ended.",
  args: MonthCloseArgs,
  reads: monthReads,
  permit: (actor) => needsRole(actor, 'lead', 'closeMonth'),
  apply(args, rows, ctx) {
    knownClient(args, rows.client);
    const timeZone = monthZone(rows.contracts, args.month);
    if (monthRangeUtc(args.month, timeZone)[1] > Date.parse(ctx.now))
      throw new VangnetError('invalid_args', 'month.notEnded', { month: args.month }, [{ path: 'month', code: 'monthNotEnded' }]);
    return [
      written(
        args,
        rows.existing,
        { timeZone, closed: true, reopenReason: rows.existing?.reopenReason ?? null, changedAt: ctx.now, changedBy: ctx.actor.id },
        ctx,
      ),
    ];
  },
});

export const monthReopen = defineMutation({
  name: 'month.reopen',
  summary: 'Reopens a closed billing month with a reason (kept in the row and the audit trail): its entries can be corrected again.',
  args: MonthReopenArgs,
  reads: (args: MonthReopenArgs) => monthReads(args),
  permit: (actor) => needsRole(actor, 'lead', 'closeMonth'),
  apply(args, rows, ctx) {
    knownClient(args, rows.client);
    const existing = rows.existing;
    if (!existing) throw new VangnetError('conflict', 'month.notClosed', { month: args.month });
    return [
      written(
        args,
        existing,
        { timeZone: existing.timeZone, closed: false, reopenReason: args.reason, changedAt: ctx.now, changedBy: ctx.actor.id },
        ctx,
      ),
    ];
  },
});
