import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { dispatch } from './engine/dispatch';
import { type Engine, openEngine } from './engine/engine';

/** Test helpers for core's own unit tests (never imported by production code). */
export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'vangnet-test-'));
}

/** An engine on a fresh store with a wall clock the test controls and a profile already set. */
export function testEngine(start = Date.parse('2026-03-02T09:00:00Z')): { engine: Engine; setNow(ms: number): void; dataDir: string } {
  let now = start;
  const dataDir = tempDataDir();
  const engine = openEngine({ dataDir, now: () => now });
  engine.ensureProfile('Test Engineer');
  return { engine, dataDir, setNow: (ms) => (now = ms) };
}

/**
 * Damages a closed store the way `integrity_check` finds and `quick_check` misses: the audit trail's
 * index is redefined over another column, so every audit row is missing from it.
 */
export function breakAuditIndex(file: string): void {
  const raw = new Database(file);
  raw.unsafeMode(true);
  raw.pragma('writable_schema = ON');
  const changed = raw
    .prepare(`UPDATE sqlite_master SET sql = 'CREATE INDEX audit_by_entity ON audit (actor_name, seq)' WHERE name = 'audit_by_entity'`)
    .run();
  raw.close();
  if (changed.changes !== 1) throw new Error('no audit_by_entity index to break');
}

/** Adds `n` clients through the engine's own mutations (real rows, outbox and audit entries). */
export function addClients(engine: Engine, n: number, prefix = 'C'): void {
  for (let i = 0; i < n; i += 1) engine.mutate('client.create', { id: uuidv7(), name: `${prefix} client ${i}`, code: `${prefix}-${i}` });
}

/** A call on the engine as a front makes it: its value, or an Error naming the refusal's key and message. */
export async function callEngine<T>(engine: Engine, name: string, args: unknown): Promise<T> {
  const result = await dispatch(engine, name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.key} ${result.error.message}`);
  return result.value as T;
}

/** The error a call is refused with; throws when the call succeeds. */
export async function refusalOf(engine: Engine, name: string, args: unknown): Promise<{ code: string; key?: string; message: string }> {
  const result = await dispatch(engine, name, args);
  if (result.ok) throw new Error(`${name} was not refused`);
  return result.error;
}
