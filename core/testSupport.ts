import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
