import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, MAX_DRIFT_MS, parseHlc } from '../hlc';
import { CLOCK_CORRECT_MS, CLOCK_WARN_MS, clockWarning, correctionFor, estimateOffset, restampPush } from './clockOffset';

const SERVER = 1_780_000_000_000;
const DAY = 86_400_000;
const stamp = (wallMs: number, counter = 0, node = 'lap') => formatHlc({ wallMs, counter, node });

describe('estimateOffset', () => {
  it('takes the midpoint of the round trip, good to half of it', () => {
    // Laptop a day ahead: sent at +1d, the reply took 200 ms, the server answered halfway.
    const sample = { sentAt: SERVER + DAY - 100, receivedAt: SERVER + DAY + 100, serverTime: SERVER };
    expect(estimateOffset(sample)).toEqual({ offsetMs: -DAY, rttMs: 200, at: SERVER });
    expect(estimateOffset({ sentAt: SERVER - 600_000, receivedAt: SERVER - 599_990, serverTime: SERVER }).offsetMs).toBe(599_995);
  });

  it('is never further off than half the round trip, wherever the server read its clock', () => {
    fc.assert(
      fc.property(fc.integer({ min: -DAY, max: DAY }), fc.nat(5000), fc.nat(5000), (offset, up, down) => {
        const sentAt = SERVER - offset;
        const sample = { sentAt, receivedAt: sentAt + up + down, serverTime: SERVER + up };
        const estimate = estimateOffset(sample);
        expect(Math.abs(estimate.offsetMs - offset)).toBeLessThanOrEqual(estimate.rttMs / 2 + 1);
      }),
    );
  });

  it('warns beyond a minute, saying which way', () => {
    expect(clockWarning(null)).toBeNull();
    expect(clockWarning(-CLOCK_WARN_MS)).toBeNull();
    expect(clockWarning(-DAY)).toEqual({ direction: 'ahead', byMs: DAY });
    expect(clockWarning(10 * 60_000)).toEqual({ direction: 'behind', byMs: 600_000 });
  });

  it('corrects only beyond the trusted bound', () => {
    expect(correctionFor(CLOCK_CORRECT_MS)).toBe(0);
    expect(correctionFor(-CLOCK_CORRECT_MS - 1)).toBe(-CLOCK_CORRECT_MS - 1);
    expect(correctionFor(DAY)).toBe(DAY);
  });
});

describe('restampPush', () => {
  it('shifts a push stamped a day ahead back to server time, keeping counter and node', () => {
    const mutations = [
      { mutationId: 1, hlc: stamp(SERVER + DAY - 60_000, 0) },
      { mutationId: 2, hlc: stamp(SERVER + DAY - 30_000, 3) },
    ];
    const restamped = restampPush(mutations, SERVER + DAY, SERVER);
    expect([...restamped]).toEqual([
      [1, stamp(SERVER - 60_000, 0)],
      [2, stamp(SERVER - 30_000, 3)],
    ]);
  });

  it('shifts a push stamped a day behind forward, so its later edit is later than the server knows', () => {
    const restamped = restampPush([{ mutationId: 4, hlc: stamp(SERVER - DAY - 1000, 2) }], SERVER - DAY, SERVER);
    expect(restamped.get(4)).toBe(stamp(SERVER - 1000, 2));
  });

  it('leaves a push from a clock within the trusted bound alone', () => {
    const mutations = [{ mutationId: 1, hlc: stamp(SERVER + MAX_DRIFT_MS - 1, 0) }];
    expect(restampPush(mutations, SERVER + 4 * 60_000, SERVER).size).toBe(0);
  });

  it('places a stamp from a clock fixed since at arrival, and keeps later mutations after it', () => {
    // Stamped +10 min, then the clock was fixed: the push's reading is right, the first stamp is not.
    const mutations = [
      { mutationId: 7, hlc: stamp(SERVER + 600_000, 5) },
      { mutationId: 8, hlc: stamp(SERVER - 5000, 0) },
      { mutationId: 9, hlc: stamp(SERVER - 4000, 0) },
    ];
    const restamped = restampPush(mutations, SERVER, SERVER);
    expect([...restamped]).toEqual([
      [7, stamp(SERVER, 5)],
      [8, stamp(SERVER, 6)],
      [9, stamp(SERVER, 7)],
    ]);
  });

  it('never leaves a stamp beyond the drift bound and keeps every push in mutation order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -2 * DAY, max: 2 * DAY }), fc.nat(999_999)), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: -DAY, max: DAY }),
        (walls, readingShift) => {
          const mutations = walls.map(([w, c], i) => ({ mutationId: i + 1, hlc: stamp(SERVER + w, c) }));
          const restamped = restampPush(mutations, SERVER + readingShift, SERVER);
          const final = mutations.map((m) => restamped.get(m.mutationId) ?? m.hlc);
          for (const [i, hlc] of final.entries()) {
            expect(parseHlc(hlc).wallMs - SERVER).toBeLessThanOrEqual(MAX_DRIFT_MS);
            expect(parseHlc(hlc).node).toBe('lap');
            if (i > 0 && restamped.has(i + 1)) expect(hlc > final[i - 1]!).toBe(true);
          }
        },
      ),
    );
  });

  it('skips malformed stamps (refused later, per mutation)', () => {
    expect(restampPush([{ mutationId: 1, hlc: 'nonsense' }], SERVER + DAY, SERVER).size).toBe(0);
  });
});
