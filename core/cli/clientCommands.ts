import type { Command } from 'commander';
import type { WithContext } from './main';
import { table } from './output';

export function registerClientCommands(program: Command, withContext: WithContext): void {
  const client = program.command('client').description('clients of the agency');

  client
    .command('add')
    .description('add a client')
    .requiredOption('--name <name>', 'client name')
    .option('--code <code>', 'short code, e.g. BAKK (derived from the name when left out)')
    .action((opts: { name: string; code?: string }) =>
      withContext(async ({ call, output }) => {
        const created = await call('clients.create', opts.code === undefined ? { name: opts.name } : { name: opts.name, code: opts.code });
        const view = { id: created.id, name: created.name, code: created.code, createdAt: created.createdAt };
        output.out(output.json ? JSON.stringify(view) : `Added client ${created.code} — ${created.name} (${created.id})`);
      })(),
    );

  client
    .command('list')
    .description('list clients')
    .option('--search <text>', 'filter by name or code')
    .action((opts: { search?: string }) =>
      withContext(async ({ call, output }) => {
        const clients = await call('clients.list', opts.search ? { search: opts.search } : {});
        if (output.json) {
          const views = clients.map((c) => ({
            id: c.id,
            name: c.name,
            code: c.code,
            openIncidents: c.openIncidents,
            createdAt: c.createdAt,
          }));
          output.out(JSON.stringify(views));
          return;
        }
        output.out(
          table(
            clients.map((c) => ({ code: c.code, name: c.name, open: String(c.openIncidents), id: c.id })),
            ['code', 'name', 'open', 'id'],
          ),
        );
      })(),
    );

  const platform = program.command('platform').description("clients' platforms (sites and applications)");

  platform
    .command('delete')
    .description('delete a platform, on every laptop once synced (leads and admins)')
    .argument('<id>', 'the platform id')
    .action((id: string) =>
      withContext(async ({ call, output }) => {
        await call('platforms.delete', { id });
        output.out(output.json ? JSON.stringify({ id }) : `Deleted platform ${id}`);
      })(),
    );
}
