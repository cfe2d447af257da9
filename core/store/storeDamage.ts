import fs from 'node:fs';
import { VangnetError } from '../../shared/errors';
import { DamageReport } from '../../shared/storeHealth';
import { logger } from '../log';

const log = logger('store-damage');

/**
 * A damaged store is marked in a sidecar file beside it, never inside it: writing into a file whose
 * pages are known bad could spread the damage, and the mark must be readable when the store is not.
 * The app and the CLI both look for it before every write transaction, so a mark made by one is
 * obeyed by the other. Only a restore moves it (aside, with the damaged files).
 */
export function damageFile(storeFile: string): string {
  return `${storeFile}.damaged`;
}

export function readDamage(storeFile: string): DamageReport | null {
  // Asked before every write transaction: a stat, not a thrown ENOENT, in the common case.
  if (storeFile === ':memory:' || !fs.existsSync(damageFile(storeFile))) return null;
  let raw: string;
  try {
    raw = fs.readFileSync(damageFile(storeFile), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const parsed = DamageReport.safeParse(safeJson(raw));
  // A mark we cannot read is still a mark: the store stays refused for writes.
  return parsed.success ? parsed.data : { at: new Date(0).toISOString(), source: 'check', detail: 'unreadable damage mark' };
}

/** Marks the store damaged; the first mark stands (it says where the damage was first seen). */
export function markDamaged(storeFile: string, report: DamageReport): DamageReport {
  const existing = readDamage(storeFile);
  if (existing) return existing;
  const target = damageFile(storeFile);
  const temp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(report, null, 2));
  fs.renameSync(temp, target);
  log.error({ storeFile, report }, 'store marked damaged');
  return report;
}

export function damagedError(storeFile: string, report: DamageReport): VangnetError {
  return new VangnetError('store_damaged', 'store.damaged', { file: storeFile, source: report.source, at: report.at });
}

/** SQLite's own verdicts on a damaged file (better-sqlite3 puts the extended code on `.code`). */
export function isCorruptionError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
