import fs from 'node:fs';
import type { Command } from 'commander';
import { VangnetError } from '../../shared/errors';
import type { BackupInfo } from '../../shared/storeHealth';
import { listBackups, restoreBackup, takeBackup } from '../store/backups';
import { checkFileInBackground } from '../store/integrityCheck';
import { storeFile } from '../store/paths';
import { isCorruptionError, markDamaged, readDamage } from '../store/storeDamage';
import type { WithContext, WithDataDir } from './main';
import { type Output, table } from './output';

function backupRows(backups: BackupInfo[]): Record<string, string>[] {
  return backups.map((b) => ({ name: b.name, created: b.createdAt, size: `${(b.bytes / 1024 / 1024).toFixed(1)} MiB` }));
}

function printBackups(output: Output, backups: BackupInfo[]): void {
  output.out(table(backupRows(backups), ['name', 'created', 'size']));
}

/**
 * `vangnet store …`: check, list, take and restore the verified backups. `check`, `backups` and
 * `restore` work on the data folder without opening the engine, so they work on a store that cannot open.
 */
export function registerStoreCommands(program: Command, withContext: WithContext, withDataDir: WithDataDir): void {
  const store = program.command('store').description("the local store's health and its verified backups");

  store
    .command('check')
    .description('check the store (quick_check; --full: integrity_check, which also compares every index); marks it damaged when it is')
    .option('--full', 'the full check: slower, also finds an index that no longer matches its table')
    .action((opts: { full?: boolean }) =>
      withDataDir(async ({ dataDir, output, setExitCode }) => {
        const file = storeFile(dataDir);
        if (!fs.existsSync(file)) throw new VangnetError('not_found', 'store.missing', { file });
        const kind = opts.full ? 'integrity_check' : 'quick_check';
        const outcome = await checkFileInBackground(file, kind).done;
        if (outcome.error && !isCorruptionError(outcome.error)) {
          throw new VangnetError('unavailable', 'store.checkFailed', { detail: outcome.error.message });
        }
        const problems = outcome.error ? [outcome.error.message] : outcome.problems;
        if (problems.length > 0) markDamaged(file, { at: new Date().toISOString(), source: 'check', detail: problems.slice(0, 3).join('; ') });
        const damage = readDamage(file);
        const result = { file, check: kind, ok: damage === null, problems, damage, backups: listBackups(dataDir) };
        if (!result.ok) setExitCode(1);
        if (output.json) return output.out(JSON.stringify(result));
        if (result.ok) return output.out(`The store is sound (${kind}).`);
        output.out(`The store is damaged (${damage!.source}, ${damage!.at}): ${damage!.detail}`);
        output.out('Nothing is written to it. Restore a verified backup with `vangnet store restore NAME` (with the app closed):');
        printBackups(output, result.backups);
      })(),
    );

  store
    .command('backups')
    .description('the verified backups, newest first')
    .action(() =>
      withDataDir(async ({ dataDir, output }) => {
        const backups = listBackups(dataDir);
        if (output.json) return output.out(JSON.stringify(backups));
        printBackups(output, backups);
      })(),
    );

  store
    .command('backup')
    .description('take a verified backup now (the oldest beyond five is removed once the new one checks out)')
    .action(() =>
      withContext(async ({ engine, output }) => {
        const file = storeFile(engine.dataDir);
        const outcome = await takeBackup(engine.db, engine.dataDir, Date.now(), () => readDamage(file) !== null);
        if (!outcome.ok) {
          const damaged = readDamage(file) !== null;
          throw new VangnetError(damaged ? 'store_damaged' : 'internal', 'store.noBackupKept', { reason: outcome.reason });
        }
        if (output.json) return output.out(JSON.stringify(outcome.backup));
        output.out(`Backup ${outcome.backup.name} taken and verified.`);
      })(),
    );

  store
    .command('restore <name>')
    .description('put a verified backup in place; the current store files are moved to <data dir>/damaged/<instant>/. Close the app first')
    .action((name: string) =>
      withDataDir(async ({ dataDir, output }) => {
        const { movedTo } = await restoreBackup(storeFile(dataDir), dataDir, name, Date.now());
        if (output.json) return output.out(JSON.stringify({ restored: name, movedTo }));
        output.out(`Restored ${name}. The previous store files are kept in ${movedTo}.`);
        output.out('Changes made after the backup are not in it.');
      })(),
    );
}
