import { describe, expect, it } from 'vitest';
import type { EscalationPolicy } from '../domain/oncall';
import { nextEscalationAction } from './escalation';
import { preview } from './preview';
import { onCallAt } from './schedule';
import { H, M, rotation, schedule, utc } from './testSupport';

const daily = rotation({ shiftLength: { unit: 'days', count: 1 }, start: '2026-02-01T02:30', participants: ['ann', 'bob'] });

describe('the 90-day preview', () => {
  it('lists 90 local days with their shifts, and marks both DST days with their length and change', () => {
    const p = preview(schedule([[daily]]), utc('2026-03-01T12:00'));
    expect(p.days).toHaveLength(90);
    expect(p.days[0]!.date).toBe('2026-03-01');
    expect(p.days[0]!.start).toBe(utc('2026-02-28T23:00'));
    const changed = p.days.filter((d) => d.dstChange);
    expect(changed.map((d) => [d.date, d.hours, d.dstChange])).toEqual([
      ['2026-03-29', 23, { at: utc('2026-03-29T01:00'), fromOffsetMinutes: 60, toOffsetMinutes: 120 }],
    ]);
    const spring = p.days.find((d) => d.date === '2026-03-29')!;
    // Before the jump bob (since 28 March 02:30), from 03:00 CEST ann: the 02:30 handoff moved to the jump.
    expect(spring.shifts.map((s) => [s.engineerId, s.start, s.end])).toEqual([
      ['bob', utc('2026-03-28T23:00'), utc('2026-03-29T01:00')],
      ['ann', utc('2026-03-29T01:00'), utc('2026-03-29T22:00')],
    ]);
    expect(p.daysWithGaps).toBe(0);
    expect(p.daysWithOverlaps).toBe(0);

    const autumn = preview(schedule([[daily]]), utc('2026-10-01T12:00'), 31).days.find((d) => d.dstChange)!;
    expect([autumn.date, autumn.hours, autumn.dstChange!.at]).toEqual(['2026-10-25', 25, utc('2026-10-25T01:00')]);
  });

  it('shows overlaps, with who overlaps', () => {
    const s = schedule([[daily]], [{ kind: 'add', engineerId: 'cas', start: '2026-03-02T10:00:00Z', end: '2026-03-02T12:00:00Z' }]);
    const day = preview(s, utc('2026-03-02T00:00'), 1).days[0]!;
    expect(day.overlaps).toEqual([{ start: utc('2026-03-02T10:00'), end: utc('2026-03-02T12:00'), engineerIds: ['bob', 'cas'] }]);
  });
});

describe('a schedule with gaps (visible warning; escalation goes to the next step)', () => {
  // The primary rotation starts on 3 March at 09:00; ann is off on 4 March 10:00–14:00 with nobody instead.
  const primary = schedule(
    [[rotation({ shiftLength: { unit: 'weeks', count: 1 }, start: '2026-03-03T09:00', participants: ['ann'] })]],
    [{ kind: 'remove', engineerId: 'ann', start: '2026-03-04T09:00:00Z', end: '2026-03-04T13:00:00Z' }],
  );

  it('the preview flags every stretch with nobody on call', () => {
    const p = preview(primary, utc('2026-03-02T12:00'), 4);
    expect(p.days.map((d) => [d.date, d.gaps])).toEqual([
      ['2026-03-02', [{ start: utc('2026-03-01T23:00'), end: utc('2026-03-02T23:00') }]],
      ['2026-03-03', [{ start: utc('2026-03-02T23:00'), end: utc('2026-03-03T08:00') }]],
      ['2026-03-04', [{ start: utc('2026-03-04T09:00'), end: utc('2026-03-04T13:00') }]],
      ['2026-03-05', []],
    ]);
    expect(p.daysWithGaps).toBe(3);
  });

  it('escalation skips the step whose schedule has nobody, at once, and pages the next step', () => {
    const policy: EscalationPolicy = {
      id: 'p',
      name: 'Policy',
      repeat: 0,
      steps: [
        { delayMinutes: 15, targets: [{ kind: 'schedule', id: 'primary' }] },
        { delayMinutes: 15, targets: [{ kind: 'engineer', id: 'lead' }] },
      ],
    };
    const resolve = (t: { kind: string; id: string }, at: number) => (t.kind === 'schedule' ? onCallAt(primary, at) : [t.id]);
    const inGap = utc('2026-03-04T10:00');
    expect(nextEscalationAction(policy, { status: 'open', startedAt: inGap, last: null }, inGap, resolve)).toEqual({
      kind: 'page',
      position: { pass: 0, step: 1 },
      engineerIds: ['lead'],
      at: inGap,
      skipped: [{ pass: 0, step: 0 }],
      nextDueAt: inGap + 15 * M,
    });
    const covered = inGap + 4 * H;
    expect(nextEscalationAction(policy, { status: 'open', startedAt: covered, last: null }, covered, resolve)).toMatchObject({
      kind: 'page',
      engineerIds: ['ann'],
      skipped: [],
    });
  });
});
