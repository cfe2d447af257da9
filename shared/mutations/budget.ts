import { z } from 'zod';
import { BUDGET_NOTE_MAX, type BudgetLine, LineMinutes, MAX_BUDGET_LINE_MINUTES } from '../domain/budget';
import { type BudgetNotice, budgetNoticeId } from '../domain/budgetNotice';
import type { Client } from '../domain/client';
import type { Contract } from '../domain/contract';
import { Id, text } from '../domain/common';
import { contractInForce } from '../domain/slaInputs';
import { VangnetError } from '../errors';
import { needsRole } from '../permissions';
import { LocalDate } from '../sla/calendar';
import { defineMutation } from './define';

/**
 * The prepaid bundle ledger (docs/billing.md): purchases and signed adjustments, append-only — a
 * correction is a new adjustment, never an edit. Leads only, and only for a client whose contract
 * in force (at the mutation's time) is prepaid; both checked here, so the server refuses alike.
 */

/** A client's contract versions: far more than any client has; `contractInForce` needs no order. */
export const CONTRACT_VERSIONS_READ = 500;

const Note = text(BUDGET_NOTE_MAX).trim();
const Reason = Note.min(1, { message: 'text.empty' });

const budgetReads = (a: { id: string; clientId: string }) =>
  ({
    existing: { table: 'budgetLines', by: 'id', value: a.id },
    client: { table: 'clients', by: 'id', value: a.clientId },
    contracts: { table: 'contracts', where: { clientId: a.clientId }, limit: CONTRACT_VERSIONS_READ },
  }) as const;

/** The line, once the id is new and the client exists and is on a prepaid contract now. */
function ledgerLine(
  args: { id: string; clientId: string },
  rows: { existing: BudgetLine | undefined; client: Client | undefined; contracts: Contract[] },
  fields: Pick<BudgetLine, 'kind' | 'minutes' | 'day' | 'validThrough' | 'note'>,
  ctx: { now: string; actor: { id: string } },
): BudgetLine {
  if (rows.existing) throw new VangnetError('conflict', 'budget.exists', { id: args.id });
  const client = rows.client;
  if (!client) throw new VangnetError('not_found', 'client.unknown', { id: args.clientId }, [{ path: 'clientId', code: 'unknownClient' }]);
  if (contractInForce(rows.contracts, ctx.now)?.terms.costModel !== 'prepaid')
    throw new VangnetError('conflict', 'budget.notPrepaid', { client: client.name });
  return { id: args.id, clientId: client.id, ...fields, createdAt: ctx.now, createdBy: ctx.actor.id, fieldVersions: {} };
}

const permit = (actor: Parameters<typeof needsRole>[0]) => needsRole(actor, 'lead', 'changeBudget');

type LineFields = Pick<BudgetLine, 'kind' | 'minutes' | 'day' | 'validThrough' | 'note'>;

/** A lead-only mutation appending one ledger line, its fields taken from the args. */
function ledgerMutation<const N extends string, A extends { id: string; clientId: string }, I>(
  name: N,
  summary: string,
  args: z.ZodType<A, I>,
  fields: (args: A) => LineFields,
) {
  return defineMutation({
    name,
    summary,
    args,
    reads: (a: A) => budgetReads(a),
    permit,
    apply: (a, rows, ctx) => [{ op: 'insert', table: 'budgetLines', row: ledgerLine(a, rows, fields(a), ctx) }],
  });
}

export const BudgetBuyArgs = z
  .object({
    id: Id,
    clientId: Id,
    minutes: z.number().int().min(1).max(MAX_BUDGET_LINE_MINUTES),
    purchasedOn: LocalDate,
    validThrough: LocalDate.nullable().default(null),
    note: Note.default(''),
  })
  .refine((a) => a.validThrough === null || a.validThrough >= a.purchasedOn, { message: 'pauseOrder', path: ['validThrough'] });
export type BudgetBuyArgs = z.infer<typeof BudgetBuyArgs>;

export const budgetBuy = ledgerMutation(
  'budget.buy',
  'Records a purchase of prepaid minutes for a client on a prepaid contract: bought on a day, optionally valid through a last day.',
  BudgetBuyArgs,
  (a) => ({ kind: 'purchase', minutes: a.minutes, day: a.purchasedOn, validThrough: a.validThrough, note: a.note }),
);

export const BudgetAdjustArgs = z.object({
  id: Id,
  clientId: Id,
  /** Signed: more than 0 adds minutes (never expiring), less takes them off. */
  minutes: LineMinutes,
  day: LocalDate,
  reason: Reason,
});
export type BudgetAdjustArgs = z.infer<typeof BudgetAdjustArgs>;

export const budgetAdjust = ledgerMutation(
  'budget.adjust',
  "Corrects a client's prepaid ledger with a new line of signed minutes and a reason; earlier lines are never edited.",
  BudgetAdjustArgs,
  (a) => ({ kind: 'adjustment', minutes: a.minutes, day: a.day, validThrough: null, note: a.reason }),
);

export const BudgetMarkNotifiedArgs = z
  .object({
    clientId: Id,
    /** The newest purchase when the threshold was reached (`bundleAlertsDue`'s card); null without one. */
    purchaseId: Id.nullable(),
    thresholdPercent: z.number().int().min(0).max(100),
    remainingMinutes: z.number().int().min(-600_000).max(600_000),
  })
  .strict();
export type BudgetMarkNotifiedArgs = z.infer<typeof BudgetMarkNotifiedArgs>;

/**
 * Records that a prepaid threshold was notified, once per purchase era. The row's id is derived
 * from client, purchase and threshold: a second laptop (or a retry) that marks the same one writes
 * nothing, so every host converges on one row. Any engineer may (the engine of whoever is signed in
 * notices it); not tied to the contract in force, so a pulled mark is never refused.
 */
export const budgetMarkNotified = defineMutation({
  name: 'budget.markNotified',
  summary: "Records that a prepaid bundle's threshold was notified for its newest purchase; marking one already recorded writes nothing.",
  args: BudgetMarkNotifiedArgs,
  reads: (a: BudgetMarkNotifiedArgs) =>
    ({
      existing: { table: 'budgetNotices', by: 'id', value: budgetNoticeId(a.clientId, a.purchaseId, a.thresholdPercent) },
      client: { table: 'clients', by: 'id', value: a.clientId },
    }) as const,
  apply(a, rows, ctx) {
    if (rows.existing) return [];
    if (!rows.client) throw new VangnetError('not_found', 'client.unknown', { id: a.clientId }, [{ path: 'clientId', code: 'unknownClient' }]);
    const row: BudgetNotice = {
      id: budgetNoticeId(a.clientId, a.purchaseId, a.thresholdPercent),
      clientId: a.clientId,
      purchaseId: a.purchaseId,
      thresholdPercent: a.thresholdPercent,
      remainingMinutes: a.remainingMinutes,
      notifiedAt: ctx.now,
      createdBy: ctx.actor.id,
      fieldVersions: {},
    };
    return [{ op: 'insert', table: 'budgetNotices', row }];
  },
});
