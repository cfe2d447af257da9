import type { Schedule } from '../domain/oncall';
import { DAY_MS, localDateString, offsetAt, utcToLocal } from '../sla/zone';
import { handoffInstant, offsetChangeAt } from './rotation';
import { type Segment, type Shift, segmentsBetween, shiftsOf } from './schedule';

/**
 * A schedule's coming days in its own zone, for people to check before they are needed: each
 * day's shifts, the stretches with nobody on call (gaps: the warning) and with more than one
 * (overlaps: sometimes meant, shown so it is a choice), and the days the clocks change.
 */

export interface Span {
  start: number;
  end: number;
}

export interface PreviewDay {
  /** `YYYY-MM-DD` in the schedule's zone. */
  date: string;
  /** Local midnight to the next (by the DST rule, should a midnight not exist). */
  start: number;
  end: number;
  /** 24, or 23 / 25 on a day the clocks change. */
  hours: number;
  shifts: Shift[];
  gaps: Span[];
  overlaps: (Span & { engineerIds: string[] })[];
  /** The clock change on this day: when, and the offsets (minutes east of UTC) before and after. */
  dstChange: { at: number; fromOffsetMinutes: number; toOffsetMinutes: number } | null;
}

export interface SchedulePreview {
  zone: string;
  from: number;
  to: number;
  days: PreviewDay[];
  /** Days with a gap: a schedule is meant to have nobody on call never. */
  daysWithGaps: number;
  daysWithOverlaps: number;
}

const clip = (segments: readonly Segment[], start: number, end: number): Segment[] =>
  segments
    .filter((s) => s.end > start && s.start < end)
    .map((s) => ({ start: Math.max(s.start, start), end: Math.min(s.end, end), entries: s.entries }));

/** Joins touching spans (two segments may both be gaps, with different reasons around them). */
function joined<T extends Span>(spans: T[], same: (a: T, b: T) => boolean): T[] {
  const out: T[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && last.end === s.start && same(last, s)) last.end = s.end;
    else out.push({ ...s });
  }
  return out;
}

/** The `days` days from the local day that holds `from`, in the schedule's zone. */
export function preview(schedule: Schedule, from: number, days = 90): SchedulePreview {
  const zone = schedule.zone;
  const firstDay = Math.floor(utcToLocal(zone, from) / DAY_MS) * DAY_MS;
  const starts = Array.from({ length: days + 1 }, (_, i) => handoffInstant(zone, firstDay + i * DAY_MS));
  const segments = segmentsBetween(schedule, starts[0]!, starts[days]!);
  const out: PreviewDay[] = [];
  for (let i = 0; i < days; i++) {
    const start = starts[i]!;
    const end = starts[i + 1]!;
    const day = clip(segments, start, end);
    const before = offsetAt(zone, start);
    const after = offsetAt(zone, end);
    out.push({
      date: localDateString(firstDay + i * DAY_MS),
      start,
      end,
      hours: (end - start) / 3_600_000,
      shifts: shiftsOf(day),
      gaps: joined(
        day.filter((s) => s.entries.length === 0).map(({ start, end }) => ({ start, end })),
        () => true,
      ),
      overlaps: joined(
        day.filter((s) => s.entries.length > 1).map(({ start, end, entries }) => ({ start, end, engineerIds: entries.map((e) => e.engineerId).sort() })),
        (a, b) => a.engineerIds.join() === b.engineerIds.join(),
      ),
      dstChange:
        before === after ? null : { at: offsetChangeAt(zone, start, end), fromOffsetMinutes: before / 60_000, toOffsetMinutes: after / 60_000 },
    });
  }
  return {
    zone,
    from: starts[0]!,
    to: starts[days]!,
    days: out,
    daysWithGaps: out.filter((d) => d.gaps.length > 0).length,
    daysWithOverlaps: out.filter((d) => d.overlaps.length > 0).length,
  };
}
