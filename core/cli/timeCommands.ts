import type { Command } from 'commander';
import type { TimeEntryView, TimeList } from '../../shared/contract/time';
import { MAX_TIME_ENTRY_MINUTES } from '../../shared/domain/time';
import { VangnetError } from '../../shared/errors';
import { type BillingKey, englishBilling, englishMessage } from '../../shared/messages/catalog';
import { findClient } from '../repos/clients';
import type { CliContext, WithContext } from './main';
import { CliError, type Output, table } from './output';

/** A client by id or code, as the other commands accept it. */
export function clientIdOf(ctx: CliContext, idOrCode: string): string {
  const client = findClient(ctx.engine.db, idOrCode);
  if (!client) throw new VangnetError('not_found', 'cli.unknownClientCode', { code: idOrCode });
  return client.id;
}

/** Exactly what was typed as a whole number of minutes; the contract checks the range (1 to 24 h). */
function minutesOf(value: string, confirmLong: boolean): number {
  if (!/^\d{1,5}$/.test(value.trim())) throw new VangnetError('invalid_args', 'cli.minutes', { value });
  // Over a day needs --confirm-long (the mutation refuses it otherwise); over a week is refused there.
  if (Number(value) > MAX_TIME_ENTRY_MINUTES && !confirmLong)
    throw new VangnetError('invalid_args', 'restTime.manualTooLong', { minutes: Number(value) });
  return Number(value);
}

const hm = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

function describeEntry(e: TimeEntryView): string {
  const on = e.incidentId ? `incident ${e.incidentId}` : `client ${e.clientId}`;
  return `${hm(e.minutes)} on ${on} since ${e.startedAt}${e.endedAt ? ` until ${e.endedAt}` : ''}${e.note ? ` — ${e.note}` : ''}`;
}

function showEntry(output: Output, verb: string, e: TimeEntryView): void {
  output.out(output.json ? JSON.stringify(e) : `${verb} ${describeEntry(e)} (${e.id})`);
}

function showList(ctx: CliContext, list: TimeList): void {
  const codes = new Map<string, string>();
  const code = (id: string) => {
    if (!codes.has(id)) codes.set(id, findClient(ctx.engine.db, id)?.code ?? id);
    return codes.get(id)!;
  };
  const rows = list.entries.map((e) => ({
    start: e.startedAt.slice(0, 16).replace('T', ' '),
    minutes: e.endedAt === null ? `${e.minutes}+` : String(e.minutes),
    client: code(e.clientId),
    incident: e.incidentId ?? '',
    scope: e.scope,
    note: e.note,
    lock: e.locked ? 'closed' : '',
  }));
  const totals = list.totals.map((t) => `${code(t.clientId)}: ${t.rawMinutes} min raw, ${t.roundedMinutes} min rounded`);
  ctx.output.out(
    [
      table(rows, ['start', 'minutes', 'client', 'incident', 'scope', 'note', 'lock']),
      ...(list.truncated ? ['(more entries than shown: narrow the range or the client)'] : []),
      ...(totals.length > 0 ? ['', ...totals] : []),
    ].join('\n'),
  );
}

/** `vangnet timer …` and `vangnet time …`: the engineer's own time, on the same store as the app (docs/time.md). */
export function registerTimeCommands(program: Command, withContext: WithContext): void {
  const timer = program.command('timer').description('your running timer (one at a time)');

  timer
    .command('start')
    .description('start a timer on an incident, or on a client without one; a running timer stops')
    .argument('[incident]', 'the incident id')
    .option('--client <code>', 'the client (code or id), for time without an incident')
    .option('--note <text>', 'what you are doing')
    .option('--override', 'start although the prepaid bundle is used up and blocks (leads and admins; audited)')
    .action((incident: string | undefined, opts: { client?: string; note?: string; override?: boolean }) =>
      withContext(async (ctx) => {
        if (incident === undefined && opts.client === undefined) throw new VangnetError('invalid_args', 'cli.timerTarget');
        const clientId = opts.client === undefined ? undefined : clientIdOf(ctx, opts.client);
        const started = await ctx
          .call('time.start', { incidentId: incident, clientId, note: opts.note, override: opts.override })
          .catch((err: unknown) => {
            // The block names its way out: a lead's --override (the error's text says a lead may override).
            if (err instanceof CliError && err.info.key === 'billing.overrunBlocked' && !opts.override)
              throw new CliError({ ...err.info, message: `${err.info.message}\n  hint: ${englishMessage('cli.overrideHint')}` }, err.exitCode);
            throw err;
          });
        const { overrun, ...entry } = started;
        showEntry(ctx.output, 'Started', ctx.output.json ? started : entry);
        // The warning goes to stderr, so --json output stays one parseable object (which carries `overrun` too).
        if (overrun) ctx.output.err(`${overrun.kind === 'warn' ? 'warning' : 'note'}: ${englishBilling({ key: overrun.key as BillingKey, params: overrun.params })}`);
      })(),
    );

  timer
    .command('stop')
    .description('stop your running timer')
    .option('--note <text>', 'what you did')
    .action((opts: { note?: string }) =>
      withContext(async ({ call, output }) => showEntry(output, 'Stopped', await call('time.stop', { note: opts.note })))(),
    );

  timer
    .command('status')
    .description('show your running timer, and the question about a stale one')
    .action(() =>
      withContext(async ({ call, output }) => {
        const running = await call('time.running', {});
        const question = await call('time.question', {});
        if (output.json) return output.out(JSON.stringify({ running, question }));
        const lines = [running ? `Running: ${describeEntry(running)} (${running.id})` : 'No timer is running'];
        if (question)
          lines.push(
            `Last seen running at ${question.lastHeartbeatAt} (${question.gapMinutes} min ago): answer in the app whether to stop there, keep or split`,
          );
        output.out(lines.join('\n'));
      })(),
    );

  const time = program.command('time').description('time entries');

  time
    .command('log')
    .description('log finished time by hand (1 minute to 24 hours, up to a week with --confirm-long; not in the future)')
    .option('--incident <id>', 'the incident')
    .option('--client <code>', 'the client (code or id), for time without an incident')
    .requiredOption('--minutes <n>', 'how long')
    .option('--at <iso>', 'when it started (ISO-8601 with Z or an offset); default: it ends now')
    .option('--note <text>', 'what you did')
    .option('--confirm-long', 'confirm that an entry over 24 hours really lasted that long (at most a week)')
    .action((opts: { incident?: string; client?: string; minutes: string; at?: string; note?: string; confirmLong?: boolean }) =>
      withContext(async (ctx) => {
        if (opts.incident === undefined && opts.client === undefined) throw new VangnetError('invalid_args', 'cli.timerTarget');
        const minutes = minutesOf(opts.minutes, opts.confirmLong === true);
        const startedAt = opts.at ?? new Date(ctx.engine.now() - minutes * 60_000).toISOString();
        const clientId = opts.client === undefined ? undefined : clientIdOf(ctx, opts.client);
        const { entry, overlaps } = await ctx.call('time.log', {
          incidentId: opts.incident,
          clientId,
          startedAt,
          minutes,
          note: opts.note,
          confirmLong: opts.confirmLong === true ? true : undefined,
        });
        if (ctx.output.json) return ctx.output.out(JSON.stringify({ entry, overlaps }));
        showEntry(ctx.output, 'Logged', entry);
        if (overlaps.length > 0)
          ctx.output.err(
            `warning: overlaps ${overlaps.length} other entr${overlaps.length === 1 ? 'y' : 'ies'} of yours: ${overlaps.join(', ')}`,
          );
      })(),
    );

  time
    .command('list')
    .description('list time entries of a month, with rounded minutes per ticket and totals per client')
    .option('--month <yyyy-mm>', 'the month (default: this month)')
    .option('--client <code>', 'only this client (code or id)')
    .action((opts: { month?: string; client?: string }) =>
      withContext(async (ctx) => {
        const clientId = opts.client === undefined ? undefined : clientIdOf(ctx, opts.client);
        const list = await ctx.call('time.list', { month: opts.month, clientId });
        if (ctx.output.json) return ctx.output.out(JSON.stringify(list));
        showList(ctx, list);
      })(),
    );
}
