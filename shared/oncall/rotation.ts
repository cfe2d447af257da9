import type { Rotation } from '../domain/oncall';
import { DAY_MS, HOUR_MS, localToUtc, offsetAt, utcToLocal } from '../sla/zone';

/**
 * A rotation's arithmetic: when shift k starts and who holds it. Instants are epoch ms (UTC);
 * "local ms" is a wall-clock reading encoded as if it were UTC (see shared/sla/zone.ts).
 *
 * The DST rule (docs/oncall.md): a handoff is a wall-clock time in the rotation's zone.
 * - A reading that happens once is that instant.
 * - A reading that happens twice (autumn, 02:30 in Amsterdam) is the FIRST occurrence.
 * - A reading that never happens (spring, 02:30 in Amsterdam) is the first instant after the
 *   gap: the moment the clocks jump (03:00 CEST), when the wall clock first passes the handoff.
 * Shift lengths in days and weeks count calendar days (every handoff at the anchor's wall-clock
 * time, so a shift across a change lasts an hour more or less); in hours they count elapsed hours
 * (every shift exactly that long, so the wall-clock handoff time moves by the change).
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Local ms of a `YYYY-MM-DDTHH:mm` reading (already validated by the schema). */
export function parseLocalDateTime(text: string): number {
  const m = LOCAL.exec(text);
  if (!m) throw new RangeError(`not a local date-time: ${text}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
}

/** The first instant in `(lo, hi]` with `hi`'s offset; `lo` and `hi` must have different offsets, one change between. */
export function offsetChangeAt(zone: string, lo: number, hi: number): number {
  const target = offsetAt(zone, hi);
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (offsetAt(zone, mid) === target) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The instant a wall-clock handoff at `local` happens in `zone`, by the DST rule above. */
export function handoffInstant(zone: string, local: number): number {
  const utc = localToUtc(zone, local); // earlier of two; in a gap, past the jump by the reading's distance into it
  if (utcToLocal(zone, utc) === local) return utc;
  const before = offsetAt(zone, local - DAY_MS);
  const after = offsetAt(zone, utc);
  // Before the jump the reading lay ahead; at `utc` it lies behind: the jump is in between.
  return offsetChangeAt(zone, utc - Math.abs(after - before) - 1, utc);
}

/** A rotation read once for the arithmetic. */
export interface RotationClock {
  id: string;
  zone: string;
  participants: readonly string[];
  hourly: boolean;
  /** One shift: elapsed ms (hours) or local ms (days, weeks). */
  stepMs: number;
  anchorLocal: number;
  /** When shift 0 starts. */
  anchorUtc: number;
}

export function rotationClock(rotation: Rotation): RotationClock {
  const { unit, count } = rotation.shiftLength;
  const anchorLocal = parseLocalDateTime(rotation.handoff.start);
  return {
    id: rotation.id,
    zone: rotation.zone,
    participants: rotation.participants,
    hourly: unit === 'hours',
    stepMs: count * (unit === 'hours' ? HOUR_MS : unit === 'days' ? DAY_MS : 7 * DAY_MS),
    anchorLocal,
    anchorUtc: handoffInstant(rotation.zone, anchorLocal),
  };
}

/** When shift k starts. */
export function shiftStart(clock: RotationClock, k: number): number {
  if (clock.hourly) return clock.anchorUtc + k * clock.stepMs;
  return handoffInstant(clock.zone, clock.anchorLocal + k * clock.stepMs);
}

/** The shift that holds instant `t`, or -1 before the rotation starts. */
export function shiftIndexAt(clock: RotationClock, t: number): number {
  if (t < clock.anchorUtc) return -1;
  if (clock.hourly) return Math.floor((t - clock.anchorUtc) / clock.stepMs);
  // The wall-clock estimate is off by at most one shift around a change; the starts settle it.
  let k = Math.max(0, Math.floor((utcToLocal(clock.zone, t) - clock.anchorLocal) / clock.stepMs));
  while (k > 0 && shiftStart(clock, k) > t) k--;
  while (shiftStart(clock, k + 1) <= t) k++;
  return k;
}

/** Who holds shift k. */
export function participantOf(clock: RotationClock, k: number): string {
  return clock.participants[k % clock.participants.length]!;
}

/** Who is on call from this rotation at `t`, or null before it starts. */
export function rotationOnCallAt(clock: RotationClock, t: number): string | null {
  const k = shiftIndexAt(clock, t);
  return k < 0 ? null : participantOf(clock, k);
}

export interface RotationShift {
  index: number;
  engineerId: string;
  start: number;
  end: number;
}

/** The rotation's shifts that overlap `[from, to)`, clipped to it. */
export function rotationShifts(clock: RotationClock, from: number, to: number): RotationShift[] {
  const out: RotationShift[] = [];
  let k = Math.max(0, shiftIndexAt(clock, from));
  for (let start = shiftStart(clock, k); start < to; k++) {
    const end = shiftStart(clock, k + 1);
    if (end > from) out.push({ index: k, engineerId: participantOf(clock, k), start: Math.max(start, from), end: Math.min(end, to) });
    start = end;
  }
  return out;
}
