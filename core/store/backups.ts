import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { VangnetError } from '../../shared/errors';
import { type BackupInfo, BackupName } from '../../shared/storeHealth';
import { logger } from '../log';
import type { Db } from './database';
import { checkFileInBackground } from './integrityCheck';
import { damageFile } from './storeDamage';

const log = logger('backups');

/** Verified backups kept; a new one pushes out the oldest only once it has passed its own check. */
export const KEEP_BACKUPS = 5;

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

export function backupName(at: number): string {
  return `vangnet-${new Date(at).toISOString().replace(/[:.]/g, '-')}.sqlite3`;
}

function createdAtOf(name: string): string {
  const [, date, hh, mm, ss, ms] = /^vangnet-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(name) ?? [];
  return `${date}T${hh}:${mm}:${ss}.${ms}Z`;
}

/** The verified backups, newest first. Only a checked copy ever gets a backup's name. */
export function listBackups(dataDir: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(backupsDir(dataDir));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return names
    .filter((name) => BackupName.safeParse(name).success)
    .sort()
    .reverse()
    .map((name) => ({ name, createdAt: createdAtOf(name), bytes: fs.statSync(path.join(backupsDir(dataDir), name)).size }));
}

export type BackupOutcome = { ok: true; backup: BackupInfo; removed: string[] } | { ok: false; reason: string };

/**
 * Takes an online backup (SQLite's backup API, while the engine keeps working), checks the copy with
 * a full integrity_check, and only then names it a backup and prunes the oldest beyond KEEP_BACKUPS.
 * A copy that fails or cannot be checked is deleted, so it never pushes out a good one.
 * `isDamaged` is asked before and after: a store known damaged is never backed up.
 */
export async function takeBackup(db: Db, dataDir: string, now: number, isDamaged: () => boolean): Promise<BackupOutcome> {
  if (isDamaged()) return { ok: false, reason: 'the store is marked damaged' };
  const dir = backupsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const name = backupName(now);
  const partial = path.join(dir, `${name}.partial`);
  try {
    await db.backup(partial);
    // A copy in rollback-journal mode is one self-contained file: checking or restoring it leaves no -wal beside it.
    const copy = new Database(partial);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    const outcome = await checkFileInBackground(partial).done;
    if (outcome.error) return discard(partial, `the copy could not be checked: ${outcome.error.message}`);
    if (outcome.problems.length > 0) return discard(partial, `the copy failed its check: ${outcome.problems.slice(0, 3).join('; ')}`);
    if (isDamaged()) return discard(partial, 'the store was marked damaged during the backup');
    fs.renameSync(partial, path.join(dir, name));
  } catch (err) {
    return discard(partial, (err as Error).message);
  }
  const removed = listBackups(dataDir)
    .slice(KEEP_BACKUPS)
    .map((old) => old.name);
  for (const old of removed) fs.rmSync(path.join(dir, old), { force: true });
  const backup = listBackups(dataDir).find((b) => b.name === name)!;
  log.info({ backup, removed }, 'verified backup taken');
  return { ok: true, backup, removed };
}

function discard(partial: string, reason: string): BackupOutcome {
  for (const file of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(file, { force: true });
  log.warn({ reason }, 'backup not kept');
  return { ok: false, reason };
}

/**
 * Puts a verified backup in place of the store, which must be closed. The current files (store,
 * its -wal/-shm/-journal and the damage mark) are moved — never deleted or overwritten — to
 * `<data dir>/damaged/<instant>/`. The backup is checked again first and copied, so it stays a backup.
 */
export async function restoreBackup(storeFile: string, dataDir: string, name: string, now: number): Promise<{ movedTo: string }> {
  if (!BackupName.safeParse(name).success || !listBackups(dataDir).some((b) => b.name === name)) {
    throw new VangnetError('not_found', 'store.unknownBackup', { name });
  }
  const source = path.join(backupsDir(dataDir), name);
  const outcome = await checkFileInBackground(source).done;
  if (outcome.error || outcome.problems.length > 0) {
    throw new VangnetError('store_corrupt', 'store.backupFailedCheck', { name, detail: outcome.error?.message ?? outcome.problems[0] ?? '' });
  }
  const movedTo = path.join(dataDir, 'damaged', new Date(now).toISOString().replace(/[:.]/g, '-'));
  fs.mkdirSync(path.dirname(movedTo), { recursive: true });
  // No `recursive` here: an existing folder throws rather than letting a rename overwrite what it holds.
  fs.mkdirSync(movedTo);
  const incoming = `${storeFile}.restoring`;
  fs.copyFileSync(source, incoming);
  for (const file of [storeFile, `${storeFile}-wal`, `${storeFile}-shm`, `${storeFile}-journal`, damageFile(storeFile)]) {
    if (fs.existsSync(file)) fs.renameSync(file, path.join(movedTo, path.basename(file)));
  }
  fs.renameSync(incoming, storeFile);
  log.warn({ name, movedTo }, 'backup restored; the previous store files were moved aside');
  return { movedTo };
}
