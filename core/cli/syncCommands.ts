import os from 'node:os';
import type { Command } from 'commander';
import type { SyncStatus } from '../../shared/contract';
import type { WithContext } from './main';

function describeStatus(s: SyncStatus, profileName: string | undefined): string {
  if (s.state === 'unpaired') return 'Not paired with an office server (local only). Pair with `vangnet login --server URL --code CODE`.';
  const lines = [
    `Server:        ${s.serverUrl}`,
    `Engineer:      ${profileName ?? '?'}`,
    `State:         ${s.state}${s.lastError ? ` — ${s.lastError}` : ''}`,
    `Last sync:     ${s.lastSyncAt ?? 'never'}`,
    `Pending:       ${s.pending} change(s) waiting to be pushed`,
  ];
  for (const r of s.rejected) lines.push(`Rejected:      #${r.mutationId} ${r.name} (${r.createdAt}): ${r.error}`);
  return lines.join('\n');
}

export function registerSyncCommands(program: Command, withContext: WithContext): void {
  program
    .command('login')
    .description('pair this laptop with the office server (once), using a pairing code from your team lead')
    .requiredOption('--server <url>', 'office server address, e.g. http://office.local:8080')
    .requiredOption('--code <code>', 'one-time pairing code')
    .option('--device-name <name>', 'how this laptop is listed on the server', os.hostname())
    .action((opts: { server: string; code: string; deviceName: string }) =>
      withContext(async ({ call, output }) => {
        const status = await call('sync.login', { serverUrl: opts.server, code: opts.code, deviceName: opts.deviceName });
        // Pairing a store that already holds local work pushes that work right away.
        const round = await call('sync.now', {});
        const profile = await call('profile.get', {});
        output.out(
          output.json
            ? JSON.stringify({ ...status, engineer: profile?.name, round })
            : `Paired with ${status.serverUrl} as ${profile?.name}. Pushed ${round.pushed}, pulled ${round.pulled}.`,
        );
      })(),
    );

  program
    .command('sync')
    .description('one full sync round: push local changes, pull everything new')
    .action(() =>
      withContext(async ({ call, output }) => {
        const round = await call('sync.now', {});
        const status = await call('sync.status', {});
        output.out(
          output.json
            ? JSON.stringify({ ...round, pending: status.pending, lastSyncAt: status.lastSyncAt })
            : `Pushed ${round.pushed}, pulled ${round.pulled}${round.rejected ? `, ${round.rejected} rejected (see \`vangnet status\`)` : ''}.`,
        );
      })(),
    );

  program
    .command('status')
    .description('sync state: server, last sync, pending and rejected changes')
    .action(() =>
      withContext(async ({ call, output }) => {
        const status = await call('sync.status', {});
        const profile = await call('profile.get', {});
        output.out(output.json ? JSON.stringify({ ...status, engineer: profile?.name ?? null }) : describeStatus(status, profile?.name));
      })(),
    );
}
