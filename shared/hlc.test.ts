import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, HlcError, HybridLogicalClock, MAX_COUNTER, MAX_DRIFT_MS, parseHlc } from './hlc';

function manualClock(start: number) {
  let t = start;
  return { now: () => t, set: (v: number) => (t = v) };
}

describe('HLC', () => {
  it('formats and parses round trip, sorting lexically by time, then counter, then node', () => {
    const a = formatHlc({ wallMs: 1_700_000_000_000, counter: 5, node: 'a' });
    expect(parseHlc(a)).toEqual({ wallMs: 1_700_000_000_000, counter: 5, node: 'a' });
    const b = formatHlc({ wallMs: 1_700_000_000_000, counter: 12, node: 'a' });
    const c = formatHlc({ wallMs: 1_700_000_000_001, counter: 0, node: 'a' });
    const d = formatHlc({ wallMs: 1_700_000_000_001, counter: 0, node: 'b' });
    expect([d, c, b, a].sort()).toEqual([a, b, c, d]);
  });

  it('rejects malformed stamps and node ids', () => {
    expect(() => parseHlc('nonsense')).toThrow(HlcError);
    expect(() => parseHlc('1:2:3')).toThrow(HlcError);
    expect(() => new HybridLogicalClock('bad node!', () => 0)).toThrow(HlcError);
    expect(() => formatHlc({ wallMs: -1, counter: 0, node: 'a' })).toThrow(HlcError);
  });

  it('ticks strictly forward even when the wall clock stands still or goes back', () => {
    const wall = manualClock(1000);
    const clock = new HybridLogicalClock('n1', wall.now);
    const first = clock.tick();
    const second = clock.tick();
    wall.set(500);
    const third = clock.tick();
    expect(compareHlc(first, second)).toBeLessThan(0);
    expect(compareHlc(second, third)).toBeLessThan(0);
    expect(parseHlc(third).wallMs).toBe(1000);
  });

  it('resumes after a restart above the last persisted stamp', () => {
    const wall = manualClock(2000);
    const before = new HybridLogicalClock('n1', wall.now);
    before.tick();
    const last = before.tick();
    wall.set(100);
    const after = new HybridLogicalClock('n1', wall.now, last);
    expect(compareHlc(after.tick(), last)).toBeGreaterThan(0);
  });

  it('moves past a received stamp', () => {
    const wall = manualClock(1000);
    const local = new HybridLogicalClock('a', wall.now);
    const remote = formatHlc({ wallMs: 1500, counter: 7, node: 'b' });
    const merged = local.receive(remote);
    expect(compareHlc(merged, remote)).toBeGreaterThan(0);
    expect(compareHlc(local.tick(), merged)).toBeGreaterThan(0);
  });

  it('stamps the next local edit after every stamp it observed, even with a slow wall clock', () => {
    const wall = manualClock(1_000_000);
    const slow = new HybridLogicalClock('slow', wall.now);
    const seen = formatHlc({ wallMs: 1_000_000 + 10 * 60_000, counter: 3, node: 'fast' });
    slow.observe(seen);
    expect(compareHlc(slow.tick(), seen)).toBeGreaterThan(0);
    slow.observe(formatHlc({ wallMs: 5, counter: 0, node: 'old' }));
    expect(parseHlc(slow.last()).wallMs).toBe(1_000_000 + 10 * 60_000);
  });

  it('is not dragged into the future by a stamp the server could never have accepted', () => {
    const wall = manualClock(1_000_000);
    const clock = new HybridLogicalClock('a', wall.now);
    clock.observe(formatHlc({ wallMs: 1_000_000 + 2 * MAX_DRIFT_MS + 1, counter: 0, node: 'wrong' }));
    expect(parseHlc(clock.tick())).toEqual({ wallMs: 1_000_000, counter: 0, node: 'a' });
  });

  it('rewinds a clock its own wrong wall clock ran far ahead, never below what it observed or the present', () => {
    const day = 86_400_000;
    const wall = manualClock(1_000_000 + day);
    const clock = new HybridLogicalClock('a', wall.now);
    clock.tick(); // stamped a day ahead
    wall.set(1_000_000); // the clock is fixed (or corrected)
    const observed = formatHlc({ wallMs: 1_000_000 + 60_000, counter: 4, node: 'b' });
    clock.observe(observed);
    expect(parseHlc(clock.tick()).wallMs).toBe(1_000_000 + day); // ticking on keeps it ahead...
    clock.rewind(formatHlc({ wallMs: 999_000, counter: 2, node: 'a' }));
    const next = clock.tick(); // ...until the server restamped its stamps
    expect(parseHlc(next).wallMs).toBe(1_000_000 + 60_000);
    expect(compareHlc(next, observed)).toBeGreaterThan(0);
    // A floor still far ahead (a stamp not corrected yet) keeps the clock where it is.
    const ahead = new HybridLogicalClock('c', () => 1_000_000 + day);
    ahead.tick();
    const fixed = new HybridLogicalClock('c', () => 1_000_000, ahead.last());
    fixed.rewind(ahead.last());
    expect(compareHlc(fixed.tick(), ahead.last())).toBeGreaterThan(0);
    // Within the drift bound nothing moves back.
    const near = new HybridLogicalClock('d', () => 1_000_000, formatHlc({ wallMs: 1_000_000 + 60_000, counter: 0, node: 'd' }));
    near.rewind(null);
    expect(parseHlc(near.tick()).wallMs).toBe(1_000_000 + 60_000);
  });

  it('refuses a stamp more than five minutes ahead', () => {
    const wall = manualClock(1_000_000);
    const local = new HybridLogicalClock('a', wall.now);
    const ahead = formatHlc({ wallMs: 1_000_000 + MAX_DRIFT_MS + 1, counter: 0, node: 'b' });
    expect(() => local.receive(ahead)).toThrow(/ahead/);
    const justInside = formatHlc({ wallMs: 1_000_000 + MAX_DRIFT_MS, counter: 0, node: 'b' });
    expect(() => local.receive(justInside)).not.toThrow();
  });

  it('borrows the next millisecond instead of overflowing the counter', () => {
    const wall = manualClock(42);
    const clock = new HybridLogicalClock('a', wall.now, formatHlc({ wallMs: 42, counter: MAX_COUNTER, node: 'a' }));
    expect(parseHlc(clock.tick())).toEqual({ wallMs: 43, counter: 0, node: 'a' });
  });

  it('property: any interleaving of ticks and receives yields strictly increasing stamps', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('tick' as const), wall: fc.integer({ min: 0, max: 10_000 }) }),
      fc.record({
        kind: fc.constant('recv' as const),
        wall: fc.integer({ min: 0, max: 10_000 }),
        remoteWall: fc.integer({ min: 0, max: 10_000 }),
        counter: fc.integer({ min: 0, max: 1000 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let wall = 0;
        const clock = new HybridLogicalClock('me', () => wall);
        let previous = clock.last();
        for (const o of ops) {
          wall = o.wall;
          const next =
            o.kind === 'tick'
              ? clock.tick()
              : clock.receive(formatHlc({ wallMs: Math.min(o.remoteWall, wall + MAX_DRIFT_MS), counter: o.counter, node: 'other' }));
          if (compareHlc(next, previous) <= 0) return false;
          previous = next;
        }
        return true;
      }),
    );
  });
});
