import type { Command } from 'commander';
import type { BundlingSavingsView } from '../../shared/contract/bundling';
import type { WithContext } from './main';
import type { Output } from './output';
import { table } from './output';
import { clientIdOf } from './timeCommands';

function showSavings(output: Output, heading: string, v: BundlingSavingsView): void {
  const rows = v.tickets.map((t) => ({
    id: t.id,
    title: t.title,
    entries: String(t.entryCount),
    raw: String(t.rawMinutes),
    billed: String(t.billedMinutes),
    keep: t.id === v.survivorId ? 'survivor' : '',
  }));
  output.out(
    [
      heading,
      `Bills ${v.togetherMinutes} min together instead of ${v.apartMinutes} apart (saves ${v.savedMinutes}); increment ${v.incrementMinutes} min`,
      '',
      table(rows, ['id', 'title', 'entries', 'raw', 'billed', 'keep']),
    ].join('\n'),
  );
}

/** `vangnet incident merge` and `vangnet incident bundle-suggest` (docs/billing.md, "Bundling"). */
export function registerBundlingCommands(program: Command, withContext: WithContext): void {
  const incident = program.commands.find((c) => c.name() === 'incident') ?? program.command('incident').description('incidents');

  incident
    .command('merge')
    .description("merge tickets of one client into SURVIVOR: they close and point to it, their time and activity move there")
    .argument('<survivor>', 'the ticket that stays (id)')
    .argument('<merged...>', 'the tickets merged into it (ids, 1 to 20)')
    .option('--reason <text>', 'why these belong together (kept in the timeline and the audit trail)')
    .action((survivorId: string, mergedIds: string[], opts: { reason?: string }) =>
      withContext(async (ctx) => {
        const survivor = await ctx.call('bundling.merge', { survivorId, mergedIds, ...(opts.reason ? { reason: opts.reason } : {}) });
        if (ctx.output.json) return ctx.output.out(JSON.stringify({ survivor: survivor.id, merged: mergedIds, title: survivor.title }));
        ctx.output.out(`Merged ${mergedIds.length} ticket(s) into ${survivor.id} (${survivor.title})`);
      })(),
    );

  incident
    .command('bundle-suggest')
    .description("a client's small open support tickets of the month, and what bundling them saves in billed minutes")
    .requiredOption('--client <code>', 'the client (code or id)')
    .option('--month <YYYY-MM>', 'the month (default: this month in the contract zone)')
    .action((opts: { client: string; month?: string }) =>
      withContext(async (ctx) => {
        const clientId = clientIdOf(ctx, opts.client);
        const found = await ctx.call('bundling.suggestion', { clientId, ...(opts.month ? { month: opts.month } : {}) });
        if (ctx.output.json) return ctx.output.out(JSON.stringify(found));
        if (!found) return ctx.output.out(`${opts.client}: nothing to bundle (fewer than 3 small open tickets, or no saving)`);
        showSavings(ctx.output, `${opts.client}: bundle ${found.tickets.length} tickets of ${found.month}`, found);
        ctx.output.out(`Merge with: vangnet incident merge ${found.survivorId} ${found.tickets.filter((t) => t.id !== found.survivorId).map((t) => t.id).join(' ')}`);
      })(),
    );
}
