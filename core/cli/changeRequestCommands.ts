import type { Command } from 'commander';
import { hoursText } from '../../shared/billing/bundleAlerts';
import { scopeHint } from '../../shared/billing/scopeHints';
import type { ChangeRequestListItem, ScopeState } from '../../shared/contract/changeRequests';
import { CHANGE_REQUEST_STATUSES, type ChangeRequestStatus } from '../../shared/domain/changeRequest';
import { CATEGORIES, type Category } from '../../shared/domain/incident';
import { scopeOfCategory } from '../../shared/domain/time';
import { VangnetError } from '../../shared/errors';
import { type BillingText, englishBilling } from '../../shared/messages/catalog';
import { minutesOfHours } from './budgetCommands';
import type { WithContext } from './main';
import { type Output, table } from './output';
import { clientIdOf } from './timeCommands';

const euro = (cents: number | null) => (cents === null ? '' : `€ ${(cents / 100).toFixed(2)}`);
const hours = (minutes: number | null) => (minutes === null ? '' : `${hoursText(minutes)} h`);

/** Euro as typed (1250, 99.95) in cents. */
function centsOf(value: string): number {
  if (!/^\d{1,8}(\.\d{1,2})?$/.test(value.trim())) throw new VangnetError('invalid_args', 'restTime.quote', { value });
  return Math.round(Number(value.trim()) * 100);
}

function estimateOf(value: string): number {
  try {
    return minutesOfHours(value);
  } catch {
    throw new VangnetError('invalid_args', 'restTime.estimate', { value });
  }
}

export function showScopeState(output: Output, s: ScopeState): void {
  if (output.json) return output.out(JSON.stringify(s));
  const cr = s.changeRequest;
  const head = s.isChangeRequest ? `Incident ${s.incidentId} is a change request` : `Incident ${s.incidentId} is support (${s.category ?? 'no category'})`;
  output.out(cr ? `${head}: ${cr.status}, estimate ${hours(cr.estimateMinutes) || 'none'}, quote ${euro(cr.quoteCents) || 'none'}` : head);
}

/**
 * The scope hint for a new ticket's text when it suggests the other scope than the ticket has
 * (shared/billing/scopeHints.ts): a suggestion with its reason, never applied. Null otherwise.
 */
export function otherScopeHint(title: string, description: string, category: Category | null): (BillingText & { suggestion: string; message: string }) | null {
  const hint = scopeHint(title, description);
  if (hint.suggestion === null || hint.reason === null || hint.suggestion === scopeOfCategory(category)) return null;
  return { suggestion: hint.suggestion, ...hint.reason, message: englishBilling(hint.reason) };
}

/** `vangnet incident convert`: to a change request, or back to support in a category. */
export function registerConvertCommand(incident: Command, withContext: WithContext): void {
  incident
    .command('convert <id>')
    .description('make an incident a change request (a draft), or take it back to support')
    .requiredOption('--to <scope>', 'change-request or support')
    .option('--category <category>', `the support category when going back to support (${CATEGORIES.filter((c) => c !== 'new_functionality').join(', ')})`)
    .option('--estimate <hours>', 'an estimate, when converting to a change request')
    .action((id: string, opts: { to: string; category?: string; estimate?: string }) =>
      withContext(async (ctx) => {
        if (opts.to === 'change-request') {
          const estimateMinutes = opts.estimate === undefined ? undefined : estimateOf(opts.estimate);
          return showScopeState(ctx.output, await ctx.call('changeRequests.convert', { id, estimateMinutes }));
        }
        if (opts.to !== 'support') throw new VangnetError('invalid_args', 'restTime.convertTo', { value: opts.to });
        const support = CATEGORIES.filter((c) => c !== 'new_functionality');
        if (opts.category === undefined) throw new VangnetError('invalid_args', 'restTime.supportCategory', { categories: support.join(', ') });
        showScopeState(ctx.output, await ctx.call('changeRequests.toSupport', { id, category: opts.category as (typeof support)[number] }));
      })(),
    );
}

/** `vangnet change-request …`: list, estimate and quote, status (docs/cli.md). */
export function registerChangeRequestCommands(program: Command, withContext: WithContext): void {
  const cr = program.command('change-request').description('change requests: new development, quoted and billed apart from support');

  cr.command('list')
    .description('list change requests, newest status change first')
    .option('--client <code>', 'only this client (code or id)')
    .option('--status <status>', 'only draft, sent, accepted or rejected ones')
    .action((opts: { client?: string; status?: string }) =>
      withContext(async (ctx) => {
        const clientId = opts.client === undefined ? undefined : clientIdOf(ctx, opts.client);
        const { items } = await ctx.call('changeRequests.list', { clientId, status: opts.status as ChangeRequestStatus | undefined });
        if (ctx.output.json) return ctx.output.out(JSON.stringify(items));
        const row = (c: ChangeRequestListItem) => ({
          status: c.status,
          title: c.title,
          estimate: hours(c.estimateMinutes),
          quote: euro(c.quoteCents),
          since: c.statusAt.slice(0, 10),
          id: c.id,
        });
        ctx.output.out(table(items.map(row), ['status', 'title', 'estimate', 'quote', 'since', 'id']));
      })(),
    );

  cr.command('update <id>')
    .description("set a draft's estimate (hours) or quote (euro; leads)")
    .option('--estimate <hours>', 'estimated hours, such as 8 or 1.5')
    .option('--quote <eur>', 'the quote in euro, such as 1250 or 99.95')
    .action((id: string, opts: { estimate?: string; quote?: string }) =>
      withContext(async (ctx) => {
        if (opts.estimate === undefined && opts.quote === undefined) throw new VangnetError('invalid_args', 'restTime.crNothing');
        const estimateMinutes = opts.estimate === undefined ? undefined : estimateOf(opts.estimate);
        const quoteCents = opts.quote === undefined ? undefined : centsOf(opts.quote);
        showScopeState(ctx.output, await ctx.call('changeRequests.update', { id, estimateMinutes, quoteCents }));
      })(),
    );

  cr.command('set-status <id> <status>')
    .description('draft → sent (needs estimate and quote) → accepted | rejected, or back to draft (leads)')
    .action((id: string, status: string) =>
      withContext(async (ctx) => {
        if (!(CHANGE_REQUEST_STATUSES as readonly string[]).includes(status))
          throw new VangnetError('invalid_args', 'restTime.crStatus', { value: status });
        showScopeState(ctx.output, await ctx.call('changeRequests.setStatus', { id, to: status as ChangeRequestStatus }));
      })(),
    );
}
