import { describe, expect, it } from 'vitest';
import { Schedule } from '../domain/oncall';
import { issueFromZod } from '../validation';
import { nowAndNext, onCallAt, shiftsBetween } from './schedule';
import { H, rotation, schedule, utc } from './testSupport';

const daily = rotation({ id: 'day', shiftLength: { unit: 'days', count: 1 }, start: '2026-06-01T09:00', participants: ['ann', 'bob', 'cas'] });
const weekly = rotation({ id: 'week', shiftLength: { unit: 'weeks', count: 1 }, start: '2026-06-01T09:00', participants: ['dirk', 'eva'] });

describe('layers', () => {
  it('the highest layer with somebody on call answers; below its start the next layer does', () => {
    const late = rotation({ id: 'late', shiftLength: { unit: 'days', count: 1 }, start: '2026-06-03T09:00', participants: ['zoe'] });
    const s = schedule([[late], [daily]]);
    expect(onCallAt(s, utc('2026-06-01T07:00'))).toEqual(['ann']);
    expect(onCallAt(s, utc('2026-06-02T07:00'))).toEqual(['bob']);
    expect(onCallAt(s, utc('2026-06-03T07:00'))).toEqual(['zoe']);
    expect(onCallAt(s, utc('2026-06-01T06:59'))).toEqual([]);
  });

  it('two rotations in one layer are both on call', () => {
    expect(onCallAt(schedule([[daily, weekly]]), utc('2026-06-02T12:00'))).toEqual(['bob', 'dirk']);
  });
});

describe('active hours', () => {
  const office = ['09:00', '17:00'] as [string, string];
  const withHours = (activeHours: Record<string, [string, string][]>) => {
    const s = schedule([[weekly], [daily]]);
    return { ...s, layers: [{ ...s.layers[0]!, activeHours }, s.layers[1]!] };
  };

  it('a layer with hours answers only then; outside them the next layer does, cut exactly at its edges', () => {
    const s = withHours({ mon: [office], tue: [office], wed: [office], thu: [office], fri: [office] });
    expect(onCallAt(s, utc('2026-06-02T07:00'))).toEqual(['dirk']); // Tuesday 09:00 CEST
    expect(onCallAt(s, utc('2026-06-02T06:59'))).toEqual(['ann']); // the daily handoff to bob is at 09:00 too
    expect(onCallAt(s, utc('2026-06-02T15:00'))).toEqual(['bob']); // 17:00 CEST
    expect(onCallAt(s, utc('2026-06-06T12:00'))).toEqual(['cas']); // Saturday: the daily rotation all day
    const tuesday = shiftsBetween(s, utc('2026-06-01T22:00'), utc('2026-06-02T22:00'));
    expect(tuesday.map((x) => [x.engineerId, x.start, x.end])).toEqual([
      ['ann', utc('2026-06-01T22:00'), utc('2026-06-02T07:00')],
      ['dirk', utc('2026-06-02T07:00'), utc('2026-06-02T15:00')],
      ['bob', utc('2026-06-02T15:00'), utc('2026-06-02T22:00')],
    ]);
  });

  it('hours are wall clock: 02:00–03:00 on Sunday covers nothing on 29 March and two hours on 25 October', () => {
    const s = withHours({ sun: [['02:00', '03:00']] });
    const dirkHours = (from: string, to: string) =>
      shiftsBetween(s, utc(from), utc(to))
        .filter((x) => x.engineerId === 'dirk' || x.engineerId === 'eva')
        .reduce((n, x) => n + (x.end - x.start) / H, 0);
    expect(dirkHours('2026-03-28T22:00', '2026-03-29T22:00')).toBe(0);
    expect(dirkHours('2026-10-24T22:00', '2026-10-25T23:00')).toBe(2);
    expect(Schedule.safeParse({ ...s, layers: [{ ...s.layers[0], activeHours: { mon: [['17:00', '09:00']] } }, s.layers[1]] }).success).toBe(false);
  });
});

describe('overrides', () => {
  const s = (overrides: Parameters<typeof schedule>[1]) => schedule([[daily]], overrides);
  const window = { start: '2026-06-01T10:00:00Z', end: '2026-06-01T12:00:00Z' };

  it('replace swaps the engineer for exactly its window, and only where the replaced one is on call', () => {
    const shifts = shiftsBetween(s([{ kind: 'replace', engineerId: 'xav', replaces: 'ann', ...window }]), utc('2026-06-01T07:00'), utc('2026-06-02T07:00'));
    expect(shifts.map((x) => [x.engineerId, new Date(x.start).toISOString(), new Date(x.end).toISOString(), x.source.kind])).toEqual([
      ['ann', '2026-06-01T07:00:00.000Z', '2026-06-01T10:00:00.000Z', 'rotation'],
      ['xav', '2026-06-01T10:00:00.000Z', '2026-06-01T12:00:00.000Z', 'override'],
      ['ann', '2026-06-01T12:00:00.000Z', '2026-06-02T07:00:00.000Z', 'rotation'],
    ]);
    expect(onCallAt(s([{ kind: 'replace', engineerId: 'xav', replaces: 'bob', ...window }]), utc('2026-06-01T11:00'))).toEqual(['ann']);
  });

  it('remove leaves a gap; add puts somebody on as well', () => {
    expect(onCallAt(s([{ kind: 'remove', engineerId: 'ann', ...window }]), utc('2026-06-01T11:00'))).toEqual([]);
    expect(onCallAt(s([{ kind: 'add', engineerId: 'xav', ...window }]), utc('2026-06-01T11:00'))).toEqual(['ann', 'xav']);
    expect(onCallAt(s([{ kind: 'add', engineerId: 'xav', ...window }]), utc('2026-06-01T12:00'))).toEqual(['ann']);
  });

  it('apply in list order', () => {
    const removeThenAdd = s([
      { kind: 'remove', engineerId: 'ann', ...window },
      { kind: 'add', engineerId: 'ann', ...window },
    ]);
    expect(onCallAt(removeThenAdd, utc('2026-06-01T11:00'))).toEqual(['ann']);
  });
});

describe('now and next', () => {
  it('names who is on call until when, and who comes next', () => {
    const { now, next } = nowAndNext(schedule([[daily]]), utc('2026-06-02T12:00'));
    expect(now.map((x) => [x.engineerId, x.end])).toEqual([['bob', utc('2026-06-03T07:00')]]);
    expect(next).toEqual({ at: utc('2026-06-03T07:00'), engineerIds: ['cas'] });
  });

  it('counts a gap as the next change, and says when nobody changes within the horizon', () => {
    const gap = schedule([[daily]], [{ kind: 'remove', engineerId: 'bob', start: '2026-06-02T12:00:00Z', end: '2026-06-02T13:00:00Z' }]);
    expect(nowAndNext(gap, utc('2026-06-02T11:00')).next).toEqual({ at: utc('2026-06-02T12:00'), engineerIds: [] });
    const alone = schedule([[rotation({ shiftLength: { unit: 'days', count: 1 }, start: '2026-06-01T09:00', participants: ['ann'] })]]);
    const { now, next } = nowAndNext(alone, utc('2026-06-02T12:00'), 30);
    expect(now).toEqual([expect.objectContaining({ engineerId: 'ann', end: utc('2026-06-02T12:00') + 30 * 24 * H })]);
    expect(next).toBeNull();
  });
});

describe('the schedule schema', () => {
  const paths = (input: unknown) => {
    const r = Schedule.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${issueFromZod(i).path} ${issueFromZod(i).code}`);
  };
  const base = schedule([[daily]]);

  it('names each mistake with a code at its path', () => {
    const bad = {
      ...base,
      layers: [{ ...base.layers[0], rotations: [{ ...daily, zone: 'Europe/Amsterdan', handoff: { start: '2026-06-01T09:00Z' } }] }, { ...base.layers[0] }],
      overrides: [
        { id: 'o', kind: 'replace', engineerId: 'ann', start: '2026-06-01T10:00:00Z', end: '2026-06-01T09:00:00Z' },
        { id: 'p', kind: 'replace', engineerId: 'ann', replaces: 'ann', start: '2026-06-01T10:00:00Z', end: '2026-06-01T11:00:00Z' },
      ],
    };
    expect(paths(bad)).toEqual(
      expect.arrayContaining([
        'layers.0.rotations.0.zone format.timeZone',
        'layers.0.rotations.0.handoff.start oncall.localDateTime',
        'overrides.0.replaces oncall.replaces',
        'overrides.0.end oncall.endBeforeStart',
        'overrides.1.replaces oncall.replacesItself',
      ]),
    );
    expect(paths({ ...base, layers: [base.layers[0], { ...base.layers[0], id: 'l9' }] })).toEqual(['layers.1.priority oncall.priorityTaken']);
  });
});
