import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { StaleTimerQuestion, TimeEntryView } from '../../shared/contract/time';
import { dispatch } from '../../core/engine/dispatch';
import { openEngine } from '../../core/engine/engine';
import { storeFile } from '../../core/store/paths';
import { tempDataDir } from '../../core/testSupport';

const root = path.resolve(__dirname, '../..');
const HOUR = 3_600_000;

/**
 * Runs the timer child until it has started a timer and beaten a few times, then kills it with SIGKILL.
 * The engine runs in the child itself (node with tsx's loader), not under tsx's CLI: that wrapper
 * runs the script in a grandchild, which a SIGKILL to the wrapper would leave running and beating.
 */
async function startThenKill(home: string): Promise<TimeEntryView> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'timerChild.ts'), home], { cwd: root });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += String(d)));
  const entry = await new Promise<TimeEntryView>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += String(d);
      const line = /^started (.*)$/m.exec(out);
      if (line) resolve(JSON.parse(line[1]!) as TimeEntryView);
    });
    child.on('exit', (code) => reject(new Error(`the timer child exited (${code}) before starting a timer: ${err}`)));
  });
  await new Promise((r) => setTimeout(r, 300));
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGKILL');
  expect(await exited).toBe(null);
  expect(child.signalCode).toBe('SIGKILL');
  // Dead for real: the process is gone, and nothing beats any more.
  expect(() => process.kill(child.pid!, 0)).toThrow(/ESRCH/);
  const beat = () => {
    const db = new Database(storeFile(home), { readonly: true });
    try {
      return db.prepare('SELECT at FROM timer_heartbeat').all();
    } finally {
      db.close();
    }
  };
  const before = beat();
  expect(before).toHaveLength(1);
  await new Promise((r) => setTimeout(r, 300));
  expect(beat()).toEqual(before);
  return entry;
}

describe('kill -9 of the engine while a timer runs', () => {
  it('keeps the timer from its stored start, and asks about the gap when the engine opens hours later', async () => {
    const home = tempDataDir();
    const entry = await startThenKill(home);
    const integrity = new Database(storeFile(home), { readonly: true });
    expect(integrity.pragma('integrity_check', { simple: true })).toBe('ok');
    integrity.close();

    const later = Date.now() + 3 * HOUR;
    const engine = openEngine({ dataDir: home, now: () => later });
    try {
      const running = await dispatch(engine, 'time.running', {});
      expect(running.ok && running.value).toMatchObject({ id: entry.id, startedAt: entry.startedAt, endedAt: null });
      const question = await dispatch(engine, 'time.question', {});
      if (!question.ok) throw new Error(question.error.message);
      const q = question.value as StaleTimerQuestion;
      expect(q.entry.id).toBe(entry.id);
      // The last heartbeat is the dead process's, after the start and hours before now.
      expect(Date.parse(q.lastHeartbeatAt)).toBeGreaterThanOrEqual(Date.parse(entry.startedAt));
      expect(q.gapMinutes).toBeGreaterThanOrEqual(179);
      const answered = await dispatch(engine, 'time.answer', { entryId: entry.id, answer: 'stopAtHeartbeat' });
      expect(answered).toEqual({ ok: true, value: null });
      const stopped = engine.db.prepare('SELECT ended_at, running_for FROM time_entries WHERE id = ?').get(entry.id);
      expect(stopped).toEqual({ ended_at: q.lastHeartbeatAt, running_for: null });
    } finally {
      engine.close();
    }
  }, 60_000);
});
