import { beforeEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../testSupport';
import { runVangnet } from './testCli';

let home: string;

beforeEach(() => {
  home = tempDataDir();
});

const vangnet = (...args: string[]) => runVangnet(home, ...args);

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
