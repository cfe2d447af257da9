import os from 'node:os';
import type { Command } from 'commander';
import type { SyncStatus } from '../../shared/contract';
import { englishMessage, isMessageKey } from '../../shared/messages/catalog';
import { englishDuration } from '../../shared/sla/explanationText';
import { clockWarning } from '../../shared/sync/clockOffset';
import type { SyncRepairResult, SyncVerifyResult } from '../../shared/sync/verify';
import type { CliContext, WithContext } from './main';
import { CliError, table } from './output';

/** Exit codes of `vangnet sync --verify`: a table differs from the server's / the two can't be compared yet. */
export const EXIT_DIVERGENT = 3;
export const EXIT_NOT_COMPARABLE = 4;

function describeStatus(s: SyncStatus, profileName: string | undefined): string {
  if (s.state === 'unpaired') return 'Not paired with an office server (local only). Pair with `vangnet login --server URL --code CODE`.';
  const lines = [
    `Server:        ${s.serverUrl}`,
    `Engineer:      ${profileName ?? '?'}`,
    `State:         ${s.state}${s.lastError ? ` — ${s.lastError}` : ''}`,
    `Last sync:     ${s.lastSyncAt ?? 'never'}`,
    `Pending:       ${s.pending} change(s) waiting to be pushed`,
  ];
  const clock = clockWarning(s.clock?.offsetMs);
  if (clock) {
    lines.push(
      `Clock:         this computer's clock is ${englishDuration(clock.byMs)} ${clock.direction === 'ahead' ? 'ahead of' : 'behind'} the office server's — set it right (your changes are dated by the server's time meanwhile)`,
    );
  } else if (s.clock) lines.push(`Clock:         right (within a minute of the office server's)`);
  for (const r of s.rejected) lines.push(`Rejected:      ${describeRejected(r)} (${r.createdAt})`);
  return lines.join('\n');
}

/**
 * A refused change by its mutation and the code of the refusal, e.g. `#3 contract.set refused
 * (forbidden): …`, in English from its message key (the stored English text when it has none).
 */
function describeRejected(r: SyncStatus['rejected'][number]): string {
  const why = isMessageKey(r.key) ? englishMessage(r.key, r.params ?? undefined) : r.error;
  return `#${r.mutationId} ${r.name} refused (${r.code ?? 'no code'}): ${why}`;
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
    .option('--verify', `then compare every table with the office server's (checksums); exit code ${EXIT_DIVERGENT} when one differs`)
    .option('--repair', "with --verify: set tables that differ back to the server's copy, keeping changes not yet pushed")
    .action((opts: { verify?: boolean; repair?: boolean }) =>
      withContext(async (ctx) => {
        const { call, output } = ctx;
        const round = await call('sync.now', {});
        const status = await call('sync.status', {});
        // Every refusal still shown (this round's and earlier ones not dismissed), each named with its code.
        const summary = [
          `Pushed ${round.pushed}, pulled ${round.pulled}${round.rejected ? `, ${round.rejected} rejected` : ''}.`,
          ...status.rejected.map((r) => `Rejected: ${describeRejected(r)}`),
        ].join('\n');
        if (!opts.verify && !opts.repair) {
          output.out(
            output.json ? JSON.stringify({ ...round, pending: status.pending, lastSyncAt: status.lastSyncAt, refused: status.rejected }) : summary,
          );
          return;
        }
        const { verify, repair } = await verifyAndRepair(ctx, Boolean(opts.repair));
        output.out(
          output.json
            ? JSON.stringify({ ...round, pending: verify.pending, lastSyncAt: status.lastSyncAt, verify, repair })
            : [summary, ...(repair ? [describeRepair(repair)] : []), describeVerify(verify, Boolean(opts.repair))].join('\n'),
        );
        if (!verify.comparable) {
          throw new CliError(
            { code: 'not_ready', message: `Not comparable yet: ${verify.reason ?? 'unknown'}; try again` },
            EXIT_NOT_COMPARABLE,
          );
        }
        if (verify.divergent.length > 0) {
          throw new CliError(
            { code: 'conflict', message: `Differs from the office server: ${verify.divergent.join(', ')}` },
            EXIT_DIVERGENT,
          );
        }
      })(),
    );

  program
    .command('status')
    .description('sync state: server, last sync, pending and rejected changes')
    .action(() =>
      withContext(async ({ call, output }) => {
        const status = await call('sync.status', {});
        const profile = await call('profile.get', {});
        output.out(
          output.json
            ? JSON.stringify({ ...status, engineer: profile?.name ?? null, clockWarning: clockWarning(status.clock?.offsetMs) })
            : describeStatus(status, profile?.name),
        );
      })(),
    );
}

/** Verifies; with `repair`, repairs the tables that differ, pushes what is pending and verifies again. */
async function verifyAndRepair(
  { call }: CliContext,
  repair: boolean,
): Promise<{ verify: SyncVerifyResult; repair: SyncRepairResult | null }> {
  const first = await call('sync.verify', {});
  if (!repair || first.divergent.length === 0) return { verify: first, repair: null };
  const repaired = await call('sync.repair', { tables: first.divergent });
  return { verify: await call('sync.verify', {}), repair: repaired };
}

function describeVerify(v: SyncVerifyResult, repairing: boolean): string {
  if (!v.comparable) return `Not comparable yet: ${v.reason ?? 'unknown'}.`;
  const rows = v.tables.map((t) => ({
    table: t.table,
    local: `${t.local.count} ${t.local.checksum}`,
    server: t.server ? `${t.server.count} ${t.server.checksum}` : '(not reported)',
    result: t.equal ? 'equal' : 'DIFFERS',
  }));
  const verdict =
    v.divergent.length === 0
      ? `All ${v.tables.length} tables equal the office server's at seq ${v.seq}.`
      : `${v.divergent.length} table(s) differ from the office server's at seq ${v.seq}: ${v.divergent.join(', ')}.${repairing ? '' : ' Repair with `vangnet sync --repair`.'}`;
  return [table(rows, ['table', 'local', 'server', 'result']), verdict].join('\n');
}

function describeRepair(r: SyncRepairResult): string {
  return r.tables
    .map(
      (t) =>
        `Repaired ${t.table}: ${t.fetched} fetched, ${t.inserted} added, ${t.updated} set back, ${t.removed} removed, ${t.kept} local kept.` +
        (t.unsynced.length ? ` Made here, never on the server (kept): ${t.unsynced.join(', ')}.` : ''),
    )
    .join('\n');
}
