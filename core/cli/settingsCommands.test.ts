import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDataDir } from '../testSupport';
import { main } from './main';

let home: string;
let stdout: string;
let stderr: string;

beforeEach(() => {
  home = tempDataDir();
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

async function vangnet(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  stdout = '';
  stderr = '';
  const code = await main(['node', 'vangnet', '--home', home, ...args]);
  return { code, out: stdout, err: stderr };
}

describe('vangnet settings', () => {
  it('shows the defaults until set, then what was set, field by field', async () => {
    expect(JSON.parse((await vangnet('settings', '--json')).out)).toEqual({ idleThresholdMinutes: 10, idleDetection: true });
    expect((await vangnet('settings')).out).toMatch(/idle threshold\s+10 min\nidle detection\s+on/);

    const set = await vangnet('--json', 'settings', 'set', '--idle-threshold', '25');
    expect(set.code).toBe(0);
    expect(JSON.parse(set.out)).toEqual({ idleThresholdMinutes: 25, idleDetection: true });
    await vangnet('settings', 'set', '--idle-detection', 'off');
    expect(JSON.parse((await vangnet('settings', '--json')).out)).toEqual({ idleThresholdMinutes: 25, idleDetection: false });
  });

  it('refuses bad values with a message and keeps what was saved', async () => {
    await vangnet('settings', 'set', '--idle-threshold', '30');
    const tooLong = await vangnet('settings', 'set', '--idle-threshold', '241');
    expect(tooLong.code).toBe(1);
    expect(tooLong.err).toMatch(/at most 240/);
    const notANumber = await vangnet('settings', 'set', '--idle-threshold', 'lang');
    expect(notANumber.code).toBe(1);
    expect(notANumber.err).toMatch(/whole number/);
    expect((await vangnet('settings', 'set')).err).toMatch(/Nothing to change/);
    expect((await vangnet('settings', 'set', '--idle-detection', 'maybe')).code).toBe(2);
    expect(JSON.parse((await vangnet('settings', '--json')).out)).toEqual({ idleThresholdMinutes: 30, idleDetection: true });
  });
});
