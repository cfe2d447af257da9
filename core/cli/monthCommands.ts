import type { Command } from 'commander';
import type { MonthCloseView } from '../../shared/contract/month';
import { findClient } from '../repos/clients';
import type { WithContext } from './main';
import { table } from './output';
import { clientIdOf } from './timeCommands';

/** `vangnet month close|reopen|list`: a client's billing months, closed by a lead (docs/time.md, "Closed months"). */
export function registerMonthCommands(program: Command, withContext: WithContext): void {
  const month = program.command('month').description("a client's billing months: closed months keep their time immutable");
  const said = (verb: string, m: MonthCloseView, code: string) => `${verb} ${m.month} for ${code} (read in ${m.timeZone})`;

  month
    .command('close')
    .description('close a month that has ended (leads and admins): its entries can no longer change')
    .requiredOption('--client <code>', 'the client (code or id)')
    .requiredOption('--month <yyyy-mm>', 'the month')
    .action((opts: { client: string; month: string }) =>
      withContext(async (ctx) => {
        const closed = await ctx.call('month.close', { clientId: clientIdOf(ctx, opts.client), month: opts.month });
        ctx.output.out(ctx.output.json ? JSON.stringify(closed) : said('Closed', closed, opts.client));
      })(),
    );

  month
    .command('reopen')
    .description('reopen a closed month with a reason (leads and admins)')
    .requiredOption('--client <code>', 'the client (code or id)')
    .requiredOption('--month <yyyy-mm>', 'the month')
    .requiredOption('--reason <text>', 'why it is reopened (kept in the audit trail)')
    .action((opts: { client: string; month: string; reason: string }) =>
      withContext(async (ctx) => {
        const reopened = await ctx.call('month.reopen', { clientId: clientIdOf(ctx, opts.client), month: opts.month, reason: opts.reason });
        ctx.output.out(ctx.output.json ? JSON.stringify(reopened) : said('Reopened', reopened, opts.client));
      })(),
    );

  month
    .command('list')
    .description('closed and reopened months, newest first')
    .option('--client <code>', 'only this client (code or id)')
    .action((opts: { client?: string }) =>
      withContext(async (ctx) => {
        const rows = await ctx.call('month.list', { clientId: opts.client === undefined ? undefined : clientIdOf(ctx, opts.client) });
        if (ctx.output.json) return ctx.output.out(JSON.stringify(rows));
        const shown = rows.map((m) => ({
          client: findClient(ctx.engine.db, m.clientId)?.code ?? m.clientId,
          month: m.month,
          state: m.closed ? 'closed' : 'reopened',
          reason: m.reopenReason ?? '',
        }));
        ctx.output.out(shown.length === 0 ? 'No closed months' : table(shown, ['client', 'month', 'state', 'reason']));
      })(),
    );
}
