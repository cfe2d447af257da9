import { describe, expect, it } from 'vitest';
import { handoffInstant, parseLocalDateTime, rotationClock, rotationShifts, shiftIndexAt, shiftStart } from './rotation';
import { AMS, H, rotation, utc } from './testSupport';

/** The first shift starts of a rotation, as ISO text in UTC. */
function starts(r: Parameters<typeof rotationClock>[0], n: number): string[] {
  const clock = rotationClock(r);
  return Array.from({ length: n }, (_, k) => new Date(shiftStart(clock, k)).toISOString().slice(0, 16));
}

describe('the DST rule for handoffs (Europe/Amsterdam)', () => {
  it('reads a time that happens once as that instant', () => {
    expect(handoffInstant(AMS, parseLocalDateTime('2026-03-28T02:30'))).toBe(utc('2026-03-28T01:30')); // CET, +1
    expect(handoffInstant(AMS, parseLocalDateTime('2026-07-01T09:00'))).toBe(utc('2026-07-01T07:00')); // CEST, +2
  });

  it('moves a time the spring gap skips (02:30 on 29 March) to the jump itself, 03:00 CEST', () => {
    expect(handoffInstant(AMS, parseLocalDateTime('2026-03-29T02:30'))).toBe(utc('2026-03-29T01:00'));
    expect(handoffInstant(AMS, parseLocalDateTime('2026-03-29T02:00'))).toBe(utc('2026-03-29T01:00'));
    expect(handoffInstant(AMS, parseLocalDateTime('2026-03-29T02:59'))).toBe(utc('2026-03-29T01:00'));
    expect(handoffInstant(AMS, parseLocalDateTime('2026-03-29T03:00'))).toBe(utc('2026-03-29T01:00'));
  });

  it('takes the first of a time that happens twice (02:30 on 25 October), in CEST', () => {
    expect(handoffInstant(AMS, parseLocalDateTime('2026-10-25T02:30'))).toBe(utc('2026-10-25T00:30'));
    expect(handoffInstant(AMS, parseLocalDateTime('2026-10-25T03:00'))).toBe(utc('2026-10-25T02:00'));
  });
});

describe('handoffs across both DST changes (handoff 02:30 in Amsterdam)', () => {
  it('daily: every handoff at 02:30 wall clock; the short night gives a 23.5 h and a 23.5 h shift', () => {
    const r = rotation({ shiftLength: { unit: 'days', count: 1 }, start: '2026-03-27T02:30' });
    expect(starts(r, 4)).toEqual(['2026-03-27T01:30', '2026-03-28T01:30', '2026-03-29T01:00', '2026-03-30T00:30']);
    const shifts = rotationShifts(rotationClock(r), utc('2026-03-27T01:30'), utc('2026-03-30T00:30'));
    expect(shifts.map((s) => (s.end - s.start) / H)).toEqual([24, 23.5, 23.5]);
    expect(shifts.map((s) => s.engineerId)).toEqual(['ann', 'bob', 'ann']);
  });

  it('daily: in autumn the handoff is the first 02:30 (CEST), and that shift lasts 25 h', () => {
    const r = rotation({ shiftLength: { unit: 'days', count: 1 }, start: '2026-10-23T02:30' });
    expect(starts(r, 4)).toEqual(['2026-10-23T00:30', '2026-10-24T00:30', '2026-10-25T00:30', '2026-10-26T01:30']);
    const shifts = rotationShifts(rotationClock(r), utc('2026-10-23T00:30'), utc('2026-10-26T01:30'));
    expect(shifts.map((s) => (s.end - s.start) / H)).toEqual([24, 24, 25]);
  });

  it('weekly: handoffs on Sundays at 02:30 wall clock through both changes', () => {
    const spring = rotation({ shiftLength: { unit: 'weeks', count: 1 }, start: '2026-03-22T02:30' });
    expect(starts(spring, 3)).toEqual(['2026-03-22T01:30', '2026-03-29T01:00', '2026-04-05T00:30']);
    const autumn = rotation({ shiftLength: { unit: 'weeks', count: 1 }, start: '2026-10-18T02:30' });
    expect(starts(autumn, 3)).toEqual(['2026-10-18T00:30', '2026-10-25T00:30', '2026-11-01T01:30']);
    // One weekly rotation from March to November: 33 weeks, every handoff at 02:30 (or 03:00 on 29 March).
    const year = rotation({ shiftLength: { unit: 'weeks', count: 1 }, start: '2026-03-22T02:30' });
    const clock = rotationClock(year);
    for (let k = 0; k < 33; k++) {
      const local = new Date(shiftStart(clock, k)).toLocaleTimeString('en-GB', { timeZone: AMS, hour: '2-digit', minute: '2-digit' });
      expect(local, `week ${k}`).toBe(k === 1 ? '03:00' : '02:30');
    }
  });

  it('a 24 h rotation counts elapsed hours: its wall-clock handoff moves with each change', () => {
    const r = rotation({ shiftLength: { unit: 'hours', count: 24 }, start: '2026-03-28T02:30' });
    // 02:30 CET, then 03:30 CEST from the short night on, back to 02:30 CET from the long one.
    expect(starts(r, 3)).toEqual(['2026-03-28T01:30', '2026-03-29T01:30', '2026-03-30T01:30']);
    const clock = rotationClock(r);
    const k = shiftIndexAt(clock, utc('2026-10-25T01:30'));
    expect(shiftStart(clock, k)).toBe(utc('2026-10-25T01:30')); // the second 02:30 of 25 October (CET)
    expect(shiftStart(clock, k - 1)).toBe(utc('2026-10-24T01:30')); // 03:30 CEST
    const shifts = rotationShifts(clock, utc('2026-03-28T01:30'), utc('2026-11-01T01:30'));
    expect(new Set(shifts.map((s) => s.end - s.start))).toEqual(new Set([24 * H]));
  });
});

describe('rotation arithmetic', () => {
  it('has nobody before the anchor and finds the shift that holds an instant', () => {
    const clock = rotationClock(rotation({ shiftLength: { unit: 'days', count: 3 }, start: '2026-01-05T09:00', participants: ['a', 'b', 'c'] }));
    expect(shiftIndexAt(clock, utc('2026-01-05T07:59'))).toBe(-1);
    expect(shiftIndexAt(clock, utc('2026-01-05T08:00'))).toBe(0);
    expect(shiftIndexAt(clock, utc('2026-01-08T07:59'))).toBe(0);
    expect(shiftIndexAt(clock, utc('2026-01-08T08:00'))).toBe(1);
    expect(rotationShifts(clock, utc('2026-01-01T00:00'), utc('2026-01-15T00:00')).map((s) => s.engineerId)).toEqual(['a', 'b', 'c', 'a']);
  });
});
