import type { Command } from 'commander';
import type { IncidentDetail, IncidentListRow } from '../../shared/contract';
import { INCIDENT_PAGE_MAX } from '../../shared/contract';
import { englishExplanation } from '../../shared/sla/explanationText';
import { findClient } from '../repos/clients';
import type { CliContext, WithContext } from './main';
import { otherScopeHint, registerConvertCommand } from './changeRequestCommands';
import { CliError, table } from './output';

function detailView(i: IncidentDetail) {
  const { fieldVersions: _versions, ...rest } = i;
  return rest;
}

function describe(i: IncidentDetail): string {
  return [
    `${i.priority}  ${i.title}`,
    `id:       ${i.id}`,
    `client:   ${i.clientCode} — ${i.clientName}`,
    `status:   ${i.status}`,
    `opened:   ${i.openedAt}`,
    `updated:  ${i.updatedAt}`,
    ...(i.sla
      ? [
          `response:   ${i.sla.response.explanation ? englishExplanation(i.sla.response.explanation) : i.sla.response.state}`,
          `resolution: ${i.sla.resolution.explanation ? englishExplanation(i.sla.resolution.explanation) : i.sla.resolution.state}`,
        ]
      : ['SLA:      no contract in force (best effort)']),
    ...(i.description ? ['', i.description] : []),
  ].join('\n');
}

function resolveClientId(ctx: CliContext, idOrCode: string): string {
  const client = findClient(ctx.engine.db, idOrCode);
  if (!client) throw new CliError({ code: 'not_found', message: `Unknown client: ${idOrCode} (see \`vangnet client list\`)` });
  return client.id;
}

/** Accepts p1..p4 as typed on a keyboard; the contract's schema says what is wrong with anything else. */
function normalizePriority(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.trim().toUpperCase();
}

function splitList(value: string | undefined): string[] | undefined {
  return value
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
}

export function registerIncidentCommands(program: Command, withContext: WithContext): void {
  const incident = program.command('incident').description('incidents');

  incident
    .command('new')
    .alias('create')
    .description('log a new incident (a hint on stderr when its text reads like the other scope)')
    .requiredOption('--client <idOrCode>', 'client id or code')
    .requiredOption('--title <text>', 'short title')
    .requiredOption('--priority <P1|P2|P3|P4>', 'priority')
    .option('--description <text>', 'what is going on')
    .option('--opened <iso>', 'when it was reported, if earlier than now')
    .action((opts: { client: string; title: string; priority: string; description?: string; opened?: string }) =>
      withContext(async (ctx) => {
        const created = await ctx.call('incidents.create', {
          clientId: resolveClientId(ctx, opts.client),
          title: opts.title,
          priority: normalizePriority(opts.priority) as 'P1',
          ...(opts.description !== undefined ? { description: opts.description } : {}),
          ...(opts.opened !== undefined ? { openedAt: opts.opened } : {}),
        });
        // A hint, never applied: stderr, or `scopeHint` in the JSON, so --json stays one object.
        const hint = otherScopeHint(created.title, created.description, created.category);
        ctx.output.out(
          ctx.output.json
            ? JSON.stringify({ ...detailView(created), scopeHint: hint })
            : `Logged ${created.priority} incident ${created.id}\n${describe(created)}`,
        );
        if (hint && !ctx.output.json)
          ctx.output.err(`hint: ${hint.message}; \`vangnet incident convert ${created.id} --to ${hint.suggestion === 'support' ? 'support' : 'change-request'}\` if so`);
      })(),
    );

  registerConvertCommand(incident, withContext);

  incident
    .command('update <id>')
    .description('change title, description or priority')
    .option('--title <text>', 'new title')
    .option('--description <text>', 'new description')
    .option('--priority <P1|P2|P3|P4>', 'new priority')
    .action((id: string, opts: { title?: string; description?: string; priority?: string }) =>
      withContext(async (ctx) => {
        const updated = await ctx.call('incidents.update', {
          id,
          ...(opts.title !== undefined ? { title: opts.title } : {}),
          ...(opts.description !== undefined ? { description: opts.description } : {}),
          ...(opts.priority !== undefined ? { priority: normalizePriority(opts.priority) as 'P1' } : {}),
        });
        ctx.output.out(ctx.output.json ? JSON.stringify(detailView(updated)) : `Updated ${updated.id}\n${describe(updated)}`);
      })(),
    );

  incident
    .command('list')
    .description('list incidents, most urgent first')
    .option('--client <idOrCode>', 'only this client')
    .option('--priority <list>', 'e.g. P1,P2')
    .option('--status <list>', 'e.g. new,in_progress')
    .option('--search <text>', 'search titles and clients')
    .option('--limit <n>', `at most n rows (max ${INCIDENT_PAGE_MAX})`, '100')
    .action((opts: { client?: string; priority?: string; status?: string; search?: string; limit: string }) =>
      withContext(async (ctx) => {
        const page = await ctx.call('incidents.list', {
          ...(opts.client ? { clientId: resolveClientId(ctx, opts.client) } : {}),
          ...(opts.priority ? { priorities: splitList(opts.priority.toUpperCase()) as 'P1'[] } : {}),
          ...(opts.status ? { statuses: splitList(opts.status) as 'new'[] } : {}),
          ...(opts.search ? { search: opts.search } : {}),
          limit: Number(opts.limit),
        });
        if (ctx.output.json) {
          ctx.output.out(JSON.stringify(page.rows));
          return;
        }
        ctx.output.out(table(page.rows.map(listRow), ['priority', 'status', 'client', 'title', 'opened', 'id']));
        if (page.total > page.rows.length) ctx.output.out(`… ${page.total - page.rows.length} more (use --limit or filters)`);
      })(),
    );

  incident
    .command('status <id> <status>')
    .description('move an incident along its lifecycle: acknowledged, in_progress, waiting_on_client, resolved, closed')
    .option('--at <iso>', 'when it happened, if earlier than now')
    .action((id: string, status: string, opts: { at?: string }) =>
      withContext(async (ctx) => {
        const updated = await ctx.call('incidents.setStatus', { id, to: status as 'new', ...(opts.at ? { at: opts.at } : {}) });
        ctx.output.out(
          ctx.output.json ? JSON.stringify(detailView(updated)) : `${updated.id} is now ${updated.status}\n${describe(updated)}`,
        );
      })(),
    );

  incident
    .command('ack <id>')
    .description('acknowledge an incident (the first response)')
    .option('--at <iso>', 'when it happened, if earlier than now')
    .action((id: string, opts: { at?: string }) =>
      withContext(async (ctx) => {
        const updated = await ctx.call('incidents.acknowledge', { id, ...(opts.at ? { at: opts.at } : {}) });
        ctx.output.out(ctx.output.json ? JSON.stringify(detailView(updated)) : `Acknowledged ${updated.id}\n${describe(updated)}`);
      })(),
    );

  incident
    .command('show <id>')
    .description('show one incident')
    .action((id: string) =>
      withContext(async (ctx) => {
        const found = await ctx.call('incidents.get', { id });
        ctx.output.out(ctx.output.json ? JSON.stringify(detailView(found)) : describe(found));
      })(),
    );
}

function listRow(r: IncidentListRow): Record<string, string> {
  return {
    priority: r.priority,
    status: r.status,
    client: r.clientCode,
    title: r.title.length > 60 ? `${r.title.slice(0, 59)}…` : r.title,
    opened: r.openedAt.slice(0, 16).replace('T', ' '),
    id: r.id,
  };
}
