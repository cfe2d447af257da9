import type { Command } from 'commander';
import { hoursText } from '../../shared/billing/bundleAlerts';
import type { BudgetMonthView, BudgetView } from '../../shared/contract/budget';
import { VangnetError } from '../../shared/errors';
import type { WithContext } from './main';
import type { Output } from './output';
import { table } from './output';
import { clientIdOf } from './timeCommands';

/** Hours as typed (10, 1.5, 0.25) in whole minutes; 0 passes here and the contract refuses it with its field. */
export function minutesOfHours(value: string): number {
  const minutes = Number(value.trim()) * 60;
  if (!/^\d{1,5}(\.\d{1,6})?$/.test(value.trim()) || Math.abs(minutes - Math.round(minutes)) > 1e-6)
    throw new VangnetError('invalid_args', 'cli.hours', { value });
  return Math.round(minutes);
}

function showBudget(output: Output, code: string, v: BudgetView): void {
  if (output.json) return output.out(JSON.stringify(v));
  const passed = v.thresholdsPassed.length > 0 ? v.thresholdsPassed.map((t) => `${t} %`).join(', ') : 'none';
  const notified = v.thresholdsNotified.length > 0 ? v.thresholdsNotified.map((t) => `${t} %`).join(', ') : 'none';
  const purchases = v.purchases.map((p) => ({
    bought: p.purchasedOn,
    'valid through': p.validThrough ?? '',
    hours: hoursText(p.minutes),
    used: hoursText(p.usedMinutes),
    expired: hoursText(p.expiredMinutes),
    left: hoursText(p.remainingMinutes),
    status: p.status,
  }));
  const adjustments = v.lines
    .filter((l) => l.kind === 'adjustment')
    .map((l) => `${l.day} ${l.minutes > 0 ? '+' : ''}${hoursText(l.minutes)} — ${l.note}`);
  output.out(
    [
      `${code}: prepaid bundle as of ${v.asOf}${v.prepaid ? '' : ' (the contract in force is not prepaid)'}`,
      `Balance ${hoursText(v.balanceMinutes)} hours: purchased ${hoursText(v.purchasedMinutes)}, drawn ${hoursText(v.drawnMinutes)}, expired ${hoursText(v.expiredMinutes)}${v.overrunMinutes > 0 ? `, overrun ${hoursText(v.overrunMinutes)}` : ''}`,
      `Overrun policy ${v.overrunPolicy}; thresholds passed: ${passed}; notified: ${notified}`,
      ...(purchases.length > 0 ? ['', table(purchases, ['bought', 'valid through', 'hours', 'used', 'expired', 'left', 'status'])] : []),
      ...(adjustments.length > 0 ? ['', 'Adjustments:', ...adjustments] : []),
    ].join('\n'),
  );
}

function euro(cents: number | null): string {
  return cents === null ? 'unpriced (no hourly rate)' : `EUR ${(cents / 100).toFixed(2)}`;
}

function showMonth(output: Output, code: string, m: BudgetMonthView): void {
  if (output.json) return output.out(JSON.stringify(m));
  const head = `${code}: ${m.month}, ${m.costModel ?? 'no contract in force'}`;
  const lines = m.lines.map((l) => ({ ticket: l.title ?? '(no incident)', scope: l.scope, raw: hoursText(l.billableRawMinutes), billed: hoursText(l.roundedMinutes) }));
  const body: string[] = [];
  if (m.subscription) {
    const s = m.subscription;
    body.push(
      `Included ${hoursText(s.includedMinutes)}, used ${hoursText(s.usedMinutes)} (raw ${hoursText(s.rawMinutes)}), overage ${hoursText(s.overageMinutes)}`,
      `Fee ${euro(s.feeCents)}, overage ${euro(s.overageCents)}, total ${euro(s.totalCents)}`,
    );
  }
  if (m.allIn) {
    const a = m.allIn;
    body.push(`Capacity ${hoursText(a.capacityMinutes)}, used ${hoursText(a.usedMinutes)} (${a.usedPercent} %), over ${hoursText(a.overCapacityMinutes)}`);
  }
  if (m.audit) body.push(`Security audit: ${m.audit.status}, due ${m.audit.dueMonth}`);
  output.out([head, ...body, ...(lines.length > 0 ? ['', table(lines, ['ticket', 'scope', 'raw', 'billed'])] : [])].join('\n'));
}

/** `vangnet budget …`: a client's prepaid bundle, the same numbers as the app (docs/billing.md). */
export function registerBudgetCommands(program: Command, withContext: WithContext): void {
  const budget = program.command('budget').description("a client's prepaid bundle (strippenkaart)");

  budget
    .command('month')
    .description("a subscription's or all-in client's month: allowance and overage priced, or capacity used, and the security audit due")
    .requiredOption('--client <client>', 'the client (code or id)')
    .requiredOption('--month <month>', 'the month (YYYY-MM)')
    .action((opts: { client: string; month: string }) =>
      withContext(async (ctx) => {
        const clientId = clientIdOf(ctx, opts.client);
        showMonth(ctx.output, opts.client, await ctx.call('budget.month', { clientId, month: opts.month }));
      })(),
    );

  budget
    .command('show')
    .description('balance, purchases (used, expired, left), draws and thresholds passed')
    .argument('<client>', 'the client (code or id)')
    .option('--as-of <date>', 'read the ledger as of this day (YYYY-MM-DD)')
    .action((client: string, opts: { asOf?: string }) =>
      withContext(async (ctx) => {
        const clientId = clientIdOf(ctx, client);
        showBudget(ctx.output, client, await ctx.call('budget.forClient', { clientId, asOf: opts.asOf }));
      })(),
    );

  budget
    .command('buy')
    .description('record a purchase of hours (leads; prepaid contracts only)')
    .argument('<client>', 'the client (code or id)')
    .requiredOption('--hours <n>', 'hours bought (such as 10 or 1.5)')
    .option('--on <date>', 'the day bought (YYYY-MM-DD; default today)')
    .option('--valid-through <date>', 'the last day the hours can be used (YYYY-MM-DD)')
    .option('--note <text>', 'a note, such as the order number')
    .action((client: string, opts: { hours: string; on?: string; validThrough?: string; note?: string }) =>
      withContext(async (ctx) => {
        const clientId = clientIdOf(ctx, client);
        const minutes = minutesOfHours(opts.hours);
        const args = { clientId, minutes, purchasedOn: opts.on, validThrough: opts.validThrough, note: opts.note };
        showBudget(ctx.output, client, await ctx.call('budget.buy', args));
      })(),
    );

  budget
    .command('adjust')
    .description('correct the ledger with a new line of signed hours and a reason (leads)')
    .argument('<client>', 'the client (code or id)')
    .requiredOption('--hours <n>', 'hours to add, or take off with a leading minus (such as -0.5)')
    .requiredOption('--reason <text>', 'why')
    .option('--on <date>', 'the day it counts on (YYYY-MM-DD; default today)')
    .action((client: string, opts: { hours: string; reason: string; on?: string }) =>
      withContext(async (ctx) => {
        const clientId = clientIdOf(ctx, client);
        const negative = opts.hours.trim().startsWith('-');
        const minutes = minutesOfHours(negative ? opts.hours.trim().slice(1) : opts.hours) * (negative ? -1 : 1);
        showBudget(ctx.output, client, await ctx.call('budget.adjust', { clientId, minutes, reason: opts.reason, day: opts.on }));
      })(),
    );
}
