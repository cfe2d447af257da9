import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../domain/common';
import type { TimeEntry } from '../domain/time';
import { formatHlc, hlcToIso } from '../hlc';
import { mergeRows } from '../merge';
import { authorize } from './permit';
import { whoMay } from './reference';
import type { MutationContext } from './define';
import { timeDelete, timeLog, timerStart, timerStop, timeUpdate } from './time';

const BASE = Date.parse('2026-03-02T09:00:00.000Z');
const engineer = (id: string, role: Role = 'engineer'): Actor => ({ id, name: id, kind: 'engineer', role });
const ctx = (offsetMin: number, node = 'a', actor = engineer('sanne')): MutationContext => {
  const hlc = formatHlc({ wallMs: BASE + offsetMin * 60_000, counter: 0, node });
  return { actor, deviceId: node, hlc, now: hlcToIso(hlc) };
};
const CLIENT = '01890000-0000-7000-8000-000000000001';
const client = { id: CLIENT, name: 'Acme', code: 'ACME', createdAt: '2026-01-01T00:00:00Z', createdBy: 'x', fieldVersions: {} };

function started(id: string, at: MutationContext, running: TimeEntry[] = []): TimeEntry[] {
  const args = timerStart.args.parse({ id, engineerId: 'sanne', clientId: CLIENT });
  return timerStart
    .apply(args, { existing: undefined, incident: undefined, client, running, close0: undefined, close1: undefined }, at)
    .map((w) => (w.op === 'delete' ? w.before : w.row) as TimeEntry);
}

describe('time mutations', () => {
  it("allow the entry's own engineer or a lead, on every host alike, and say so in the reference", () => {
    const [entry] = started('01890000-0000-7000-8000-00000000000a', ctx(0));
    const rows = { entry };
    for (const def of [timerStop, timeUpdate, timeDelete]) {
      expect(whoMay(def)).toMatch(/own engineer, or a `lead`/);
      const args = { id: entry!.id, reason: 'r', note: 'n' };
      expect(() => authorize(def as never, engineer('sanne'), args, rows as never)).not.toThrow();
      expect(() => authorize(def as never, engineer('lead', 'lead'), args, rows as never)).not.toThrow();
      expect(() => authorize(def as never, engineer('joris'), args, rows as never)).toThrow(/another engineer's time needs the lead role/);
    }
    expect(() => authorize(timeLog as never, engineer('joris'), { engineerId: 'sanne' }, {} as never)).toThrow(/lead role/);
  });

  it('two offline starts on two laptops merge to one running entry each, and the next start stops both', () => {
    const [onA] = started('01890000-0000-7000-8000-00000000000a', ctx(0, 'a'));
    const [onB] = started('01890000-0000-7000-8000-00000000000b', ctx(1, 'b'));
    const writes = started('01890000-0000-7000-8000-00000000000c', ctx(30, 'a'), [onA!, onB!]);
    expect(writes.map((r) => [r.id, r.endedAt, r.runningFor])).toEqual([
      [onA!.id, ctx(30).now, null],
      [onB!.id, ctx(30).now, null],
      ['01890000-0000-7000-8000-00000000000c', null, 'sanne'],
    ]);
  });

  it('a stop and a note edited on two laptops both survive the merge', () => {
    const [entry] = started('01890000-0000-7000-8000-00000000000a', ctx(0));
    const stop = timerStop.apply(timerStop.args.parse({ id: entry!.id }), { entry }, ctx(20, 'a'))[0] as { row: TimeEntry };
    const edit = timeUpdate.apply(timeUpdate.args.parse({ id: entry!.id, reason: 'detail', note: 'DNS' }), { entry, was0: undefined, was1: undefined, to0: undefined, to1: undefined }, ctx(21, 'b'))[0] as {
      row: TimeEntry;
    };
    for (const merged of [mergeRows(stop.row, edit.row), mergeRows(edit.row, stop.row)]) {
      expect(merged).toMatchObject({ endedAt: ctx(20).now, runningFor: null, note: 'DNS', changeReason: 'detail' });
    }
  });

  it('refuses a stop before the start or beyond a week, and a delete or edit without a reason', () => {
    const [entry] = started('01890000-0000-7000-8000-00000000000a', ctx(0));
    const stopAt = (at: string, offset: number) => () =>
      timerStop.apply(timerStop.args.parse({ id: entry!.id, at }), { entry }, ctx(offset));
    expect(stopAt(new Date(BASE - 60_000).toISOString(), 10)).toThrow(/end after it starts/);
    expect(stopAt(new Date(BASE + 8 * 24 * 3600_000).toISOString(), 9 * 24 * 60)).toThrow(/at most 168 hours/);
    expect(stopAt(new Date(BASE + 20 * 60_000).toISOString(), 10)).toThrow(/future/);
    expect(timeDelete.args.safeParse({ id: entry!.id, reason: '' }).success).toBe(false);
    expect(timeUpdate.args.safeParse({ id: entry!.id, note: 'x' }).success).toBe(false);
  });
});
