import { describe, expect, it } from 'vitest';
import { type Settings, settingsView } from '../domain/settings';
import { formatHlc, hlcToIso } from '../hlc';
import { mergeRows } from '../merge';
import type { MutationContext, Write } from './define';
import { settingsSet } from './settings';

const BASE = Date.parse('2026-03-02T09:00:00.000Z');
const ctx = (offsetMs: number, node: string): MutationContext => {
  const hlc = formatHlc({ wallMs: BASE + offsetMs, counter: 0, node });
  return { actor: { id: 'eng', name: 'Engineer', kind: 'engineer', role: 'engineer' }, deviceId: node, hlc, now: hlcToIso(hlc) };
};

function run(current: Settings | undefined, args: unknown, at: MutationContext): Write[] {
  const parsed = settingsSet.args.parse(args);
  return settingsSet.apply(parsed, { current }, at);
}

describe('settings.set', () => {
  it('reads the defaults while no row exists, and makes the row on first set stamping only what was set', () => {
    expect(settingsView(undefined)).toEqual({ idleThresholdMinutes: 10, idleDetection: true });
    const [write] = run(undefined, { idleThresholdMinutes: 20 }, ctx(0, 'a'));
    expect(write).toEqual({
      op: 'insert',
      table: 'settings',
      row: { id: 'team', idleThresholdMinutes: 20, idleDetection: true, fieldVersions: { idleThresholdMinutes: ctx(0, 'a').hlc } },
    });
  });

  it('keeps both fields when two laptops each make the row offline with a different one', () => {
    const onA = (run(undefined, { idleThresholdMinutes: 20 }, ctx(5, 'a'))[0]! as { row: Settings }).row;
    const onB = (run(undefined, { idleDetection: false }, ctx(0, 'b'))[0]! as { row: Settings }).row;
    // The server runs B's (older) mutation after A's row exists: an update of its own field only.
    const [update] = run(onA, { idleDetection: false }, ctx(0, 'b'));
    expect(update).toMatchObject({ op: 'update', row: { idleThresholdMinutes: 20, idleDetection: false } });
    // And the laptops' copies merge to the same.
    expect(settingsView(mergeRows(onA, onB))).toEqual({ idleThresholdMinutes: 20, idleDetection: false });
    expect(settingsView(mergeRows(onB, onA))).toEqual({ idleThresholdMinutes: 20, idleDetection: false });
  });

  it('refuses an empty change, unknown fields and thresholds outside 1-240', () => {
    for (const bad of [{}, { idleThresholdMinutes: 0 }, { idleThresholdMinutes: 241 }, { idleThresholdMinutes: 2.5 }, { theme: 'dark' }]) {
      expect(settingsSet.args.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
