import type { Command } from 'commander';
import { VangnetError } from '../../shared/errors';
import { seedDemo } from '../demo/seed';
import type { WithContext } from './main';

function positiveInt(name: string, value: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw new VangnetError('invalid_args', 'cli.wholeNumber', { name, max });
  }
  return n;
}

export function registerDemoCommands(program: Command, withContext: WithContext): void {
  const demo = program.command('demo').description('demonstration data');
  demo
    .command('seed')
    .description(
      'fill an empty store with a realistic Dutch agency: clients, a few hundred incidents, a quarter of time entries and prepaid bundles',
    )
    .option('--clients <n>', 'number of clients', '12')
    .option('--incidents <n>', 'number of incidents', '300')
    .option('--seed <n>', 'random seed (same seed, same data)', '2026')
    .action((opts: { clients: string; incidents: string; seed: string }) =>
      withContext(async ({ engine, output }) => {
        const result = seedDemo(engine, {
          clients: positiveInt('clients', opts.clients, 10_000),
          incidents: positiveInt('incidents', opts.incidents, 1_000_000),
          seed: positiveInt('seed', opts.seed, 2 ** 31),
        });
        output.out(
          output.json
            ? JSON.stringify(result)
            : `Seeded ${result.clients} clients, ${result.incidents} incidents, ${result.timeEntries} time entries, ${result.bundlePurchases} prepaid bundles and ${result.changeRequests} change requests into ${engine.dataDir}`,
        );
      })(),
    );
}
