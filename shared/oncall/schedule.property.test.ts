import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rotation } from '../domain/oncall';
import { DAY_MS, offsetAt, utcToLocal } from '../sla/zone';
import { rotationClock, rotationOnCallAt, rotationShifts, shiftStart } from './rotation';
import { nowAndNext, onCallAt, shiftsBetween } from './schedule';
import { H, rotation, schedule } from './testSupport';

/** Zones with spring/autumn changes both ways round the year, a half-hour change, and none at all. */
const ZONES = ['Europe/Amsterdam', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2027, 0, 1);
const pad = (n: number) => String(n).padStart(2, '0');

const anyRotation = (id: string) =>
  fc
    .record({
      zone: fc.constantFrom(...ZONES),
      unit: fc.constantFrom('hours' as const, 'days' as const, 'weeks' as const),
      count: fc.integer({ min: 1, max: 36 }),
      day: fc.integer({ min: 0, max: 300 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.constantFrom(0, 15, 30, 45),
      people: fc.integer({ min: 1, max: 5 }),
    })
    .map(({ zone, unit, count, day, hour, minute, people }): Rotation => {
      const d = new Date(FROM + day * 86_400_000);
      const start = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(hour)}:${pad(minute)}`;
      const participants = Array.from({ length: people }, (_, i) => `${id}-e${i}`);
      return rotation({ id, zone, shiftLength: { unit, count: unit === 'weeks' ? Math.ceil(count / 12) : count }, start, participants });
    });
const instant = fc.integer({ min: FROM, max: TO });

describe('on-call schedule properties', () => {
  it('shifts partition time within a rotation: no gap, no overlap, each participant in turn', () => {
    fc.assert(
      fc.property(anyRotation('r'), instant, fc.integer({ min: 1, max: 60 * 24 * H }), (r, from, span) => {
        const clock = rotationClock(r);
        const shifts = rotationShifts(clock, from, from + span);
        if (clock.anchorUtc >= from + span) {
          expect(shifts).toEqual([]);
          return;
        }
        expect(shifts[0]!.start).toBe(Math.max(from, clock.anchorUtc));
        expect(shifts[shifts.length - 1]!.end).toBe(from + span);
        shifts.forEach((s, i) => {
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.engineerId).toBe(r.participants[s.index % r.participants.length]);
          if (i > 0) expect([s.start, s.index]).toEqual([shifts[i - 1]!.end, shifts[i - 1]!.index + 1]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('day and week handoffs keep the anchor\'s wall-clock time, or come at the jump when the clocks skip it', () => {
    fc.assert(
      fc.property(anyRotation('r'), fc.integer({ min: 0, max: 400 }), (r, k) => {
        const clock = rotationClock(r);
        if (clock.hourly) return;
        const start = shiftStart(clock, k);
        const wall = ((utcToLocal(r.zone, start) % DAY_MS) + DAY_MS) % DAY_MS;
        if (wall !== clock.anchorLocal % DAY_MS) expect(offsetAt(r.zone, start - 1)).toBeLessThan(offsetAt(r.zone, start));
        expect(Math.floor(utcToLocal(r.zone, start) / DAY_MS)).toBe(Math.floor((clock.anchorLocal + k * clock.stepMs) / DAY_MS));
      }),
      { numRuns: 500 },
    );
  });

  it('with no overrides every instant has exactly the top layer rotation’s participant, once it has started', () => {
    fc.assert(
      fc.property(anyRotation('top'), anyRotation('low'), instant, (top, low, t) => {
        const s = schedule([[top], [low]]);
        const topNow = rotationOnCallAt(rotationClock(top), t);
        const lowNow = rotationOnCallAt(rotationClock(low), t);
        expect(onCallAt(s, t)).toEqual(topNow !== null ? [topNow] : lowNow !== null ? [lowNow] : []);
      }),
      { numRuns: 500 },
    );
  });

  it('a replace override changes exactly its window, and only for the engineer it replaces', () => {
    fc.assert(
      fc.property(anyRotation('r'), instant, fc.integer({ min: 1, max: 72 * H }), fc.integer({ min: 0, max: 4 }), instant, (r, start, length, who, t) => {
        const replaces = r.participants[who % r.participants.length]!;
        const window = { start: new Date(start).toISOString(), end: new Date(start + length).toISOString() };
        const plain = onCallAt(schedule([[r]]), t);
        const replaced = onCallAt(schedule([[r]], [{ kind: 'replace', engineerId: 'sub', replaces, ...window }]), t);
        const inside = t >= start && t < start + length;
        expect(replaced).toEqual(inside ? plain.map((e) => (e === replaces ? 'sub' : e)) : plain);
        // Probing its edges too: the instant before the window is untouched, the first instant in it is replaced.
        const atStart = onCallAt(schedule([[r]], [{ kind: 'replace', engineerId: 'sub', replaces, ...window }]), start);
        expect(atStart).toEqual(onCallAt(schedule([[r]]), start).map((e) => (e === replaces ? 'sub' : e)));
      }),
      { numRuns: 300 },
    );
  });

  it('the shifts of a period say the same as asking instant by instant, overrides and active hours and all', () => {
    const time = fc.integer({ min: 0, max: 96 }).map((q) => `${pad(Math.floor(q / 4))}:${pad((q % 4) * 15)}`);
    const interval = fc.tuple(time, time).filter(([x, y]) => x < y);
    const hours = fc.option(fc.record({ sun: fc.array(interval, { maxLength: 2 }), wed: fc.array(interval, { maxLength: 2 }), fri: fc.array(interval, { maxLength: 2 }) }));
    const override = fc.record({
      kind: fc.constantFrom('add' as const, 'remove' as const),
      engineerId: fc.constantFrom('a-e0', 'a-e1', 'b-e0', 'x'),
      start: fc.integer({ min: FROM, max: FROM + 20 * 24 * H }),
      length: fc.integer({ min: 1, max: 48 * H }),
    });
    fc.assert(
      fc.property(anyRotation('a'), anyRotation('b'), fc.array(override, { maxLength: 4 }), hours, fc.constantFrom(...ZONES), fc.array(fc.integer({ min: 0, max: 20 * 24 * H - 1 }), { minLength: 1, maxLength: 20 }), (a, b, overrides, activeHours, zone, offsets) => {
        const plain = schedule(
          [[a], [b]],
          overrides.map((o) => ({ kind: o.kind, engineerId: o.engineerId, start: new Date(o.start).toISOString(), end: new Date(o.start + o.length).toISOString() })),
          zone,
        );
        const s = activeHours ? { ...plain, layers: [{ ...plain.layers[0]!, activeHours }, plain.layers[1]!] } : plain;
        const shifts = shiftsBetween(s, FROM, FROM + 20 * 24 * H);
        for (const offset of offsets) {
          const t = FROM + offset;
          const covering = shifts.filter((x) => x.start <= t && t < x.end).map((x) => x.engineerId);
          expect(covering.sort()).toEqual(onCallAt(s, t).sort());
        }
      }),
      { numRuns: 200 },
    );
  });

  it('now and next agree with asking instant by instant', () => {
    fc.assert(
      fc.property(anyRotation('a'), anyRotation('b'), instant, (a, b, t) => {
        const s = schedule([[a, b]]);
        const { now, next } = nowAndNext(s, t, 400);
        expect(now.map((x) => x.engineerId).sort()).toEqual(onCallAt(s, t).sort());
        for (const shift of now) expect(onCallAt(s, shift.end - 1)).toContain(shift.engineerId);
        if (next) {
          expect(next.at).toBeGreaterThan(t);
          expect(onCallAt(s, next.at).sort()).toEqual(next.engineerIds);
          expect(onCallAt(s, next.at - 1).sort()).toEqual(onCallAt(s, t).sort());
        }
      }),
      { numRuns: 300 },
    );
  });
});
