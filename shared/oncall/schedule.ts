import type { Override, Schedule } from '../domain/oncall';
import { type ActiveHours, activeEdges, activeHours, isActive } from './activeHours';
import { type RotationClock, rotationClock, rotationOnCallAt, rotationShifts } from './rotation';

/**
 * Who is on call in a schedule, as a pure function of the schedule and an instant.
 *
 * At each instant: the layers are asked from the highest priority down, and the first layer with
 * anyone on call (and within its active hours, if it has them) answers (all of its rotations' engineers at that moment). Then the overrides
 * apply in list order: `remove` takes its engineer off, `replace` swaps `replaces` for its
 * engineer where `replaces` was on call, `add` puts its engineer on as well.
 */

export type ShiftSource = { kind: 'rotation'; layerId: string; rotationId: string } | { kind: 'override'; overrideId: string };

/** One engineer on call over `[start, end)`, and why. */
export interface Shift {
  engineerId: string;
  start: number;
  end: number;
  source: ShiftSource;
}

interface Entry {
  engineerId: string;
  source: ShiftSource;
}

/** A stretch of time in which the same engineers are on call for the same reasons. */
export interface Segment {
  start: number;
  end: number;
  entries: Entry[];
}

interface Compiled {
  layers: { id: string; rotations: RotationClock[]; active: ActiveHours | null }[];
  overrides: { id: string; kind: Override['kind']; engineerId: string; replaces: string | undefined; start: number; end: number }[];
}

const compiledCache = new WeakMap<Schedule, Compiled>();

function compile(schedule: Schedule): Compiled {
  let c = compiledCache.get(schedule);
  if (!c) {
    c = {
      layers: [...schedule.layers]
        .sort((a, b) => b.priority - a.priority)
        .map((layer) => ({
          id: layer.id,
          rotations: layer.rotations.map(rotationClock),
          active: layer.activeHours ? activeHours(schedule.zone, layer.activeHours) : null,
        })),
      overrides: schedule.overrides.map((o) => ({
        id: o.id,
        kind: o.kind,
        engineerId: o.engineerId,
        replaces: o.replaces,
        start: Date.parse(o.start),
        end: Date.parse(o.end),
      })),
    };
    compiledCache.set(schedule, c);
  }
  return c;
}

function entriesAt(c: Compiled, t: number, overrides = c.overrides): Entry[] {
  let entries: Entry[] = [];
  for (const layer of c.layers) {
    if (layer.active && !isActive(layer.active, t)) continue;
    for (const clock of layer.rotations) {
      const engineerId = rotationOnCallAt(clock, t);
      if (engineerId !== null && !entries.some((e) => e.engineerId === engineerId))
        entries.push({ engineerId, source: { kind: 'rotation', layerId: layer.id, rotationId: clock.id } });
    }
    if (entries.length > 0) break;
  }
  for (const o of overrides) {
    if (t < o.start || t >= o.end) continue;
    const source: ShiftSource = { kind: 'override', overrideId: o.id };
    if (o.kind === 'remove') entries = entries.filter((e) => e.engineerId !== o.engineerId);
    else if (o.kind === 'replace') {
      if (!entries.some((e) => e.engineerId === o.replaces)) continue;
      entries = entries.filter((e) => e.engineerId !== o.engineerId);
      entries = entries.map((e) => (e.engineerId === o.replaces ? { engineerId: o.engineerId, source } : e));
    } else if (!entries.some((e) => e.engineerId === o.engineerId)) entries.push({ engineerId: o.engineerId, source });
  }
  return entries;
}

/** The engineers on call at instant `t` (empty in a gap). */
export function onCallAt(schedule: Schedule, t: number): string[] {
  return entriesAt(compile(schedule), t).map((e) => e.engineerId);
}

const sourceKey = (s: ShiftSource) => (s.kind === 'rotation' ? `r:${s.layerId}:${s.rotationId}` : `o:${s.overrideId}`);
const entryKey = (e: Entry) => `${e.engineerId}\u0000${sourceKey(e.source)}`;
const sameEntries = (a: Entry[], b: Entry[]) => a.length === b.length && a.every((e, i) => entryKey(e) === entryKey(b[i]!));

/** Every instant where the answer may change within `(from, to)`, with `from` and `to`. */
function boundaries(c: Compiled, from: number, to: number): number[] {
  const out = [from, to];
  for (const layer of c.layers) {
    for (const clock of layer.rotations) for (const s of rotationShifts(clock, from, to)) out.push(s.start, s.end);
    if (layer.active) out.push(...activeEdges(layer.active, from, to));
  }
  for (const o of c.overrides) {
    if (o.start > from && o.start < to) out.push(o.start);
    if (o.end > from && o.end < to) out.push(o.end);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

/** `[from, to)` cut where the answer changes; neighbours with the same answer are one segment. */
export function segmentsBetween(schedule: Schedule, from: number, to: number): Segment[] {
  if (!(to > from)) return [];
  const c = compile(schedule);
  const cuts = boundaries(c, from, to);
  const overrides = c.overrides.filter((o) => o.end > from && o.start < to);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const entries = entriesAt(c, start, overrides);
    const last = out[out.length - 1];
    if (last && sameEntries(last.entries, entries)) last.end = end;
    else out.push({ start, end, entries });
  }
  return out;
}

/** Segments as one shift per engineer and reason, merged where they touch, sorted by start. */
export function shiftsOf(segments: readonly Segment[]): Shift[] {
  const open = new Map<string, Shift>();
  const out: Shift[] = [];
  for (const seg of segments) {
    for (const e of seg.entries) {
      const key = entryKey(e);
      const shift = open.get(key);
      if (shift && shift.end === seg.start) shift.end = seg.end;
      else {
        const fresh = { engineerId: e.engineerId, start: seg.start, end: seg.end, source: e.source };
        open.set(key, fresh);
        out.push(fresh);
      }
    }
  }
  return out.sort((a, b) => a.start - b.start || a.engineerId.localeCompare(b.engineerId));
}

/** Who is on call during `[from, to)`, clipped to it. */
export function shiftsBetween(schedule: Schedule, from: number, to: number): Shift[] {
  return shiftsOf(segmentsBetween(schedule, from, to));
}

export interface NowAndNext {
  /** On call at `t`, each with the end of their shift (`end` is the horizon when it lasts beyond). */
  now: Shift[];
  /** The next moment the set of engineers on call changes, and who is on call then; null within the horizon. */
  next: { at: number; engineerIds: string[] } | null;
}

/** Who is on call now and who is next, looking `horizonDays` (> 0) ahead: a day first, further only when needed. */
export function nowAndNext(schedule: Schedule, t: number, horizonDays = 90): NowAndNext {
  const ids = (seg: Segment) => seg.entries.map((e) => e.engineerId).sort();
  const look = (days: number) => {
    const end = t + days * 86_400_000;
    const segments = segmentsBetween(schedule, t, end);
    const now = shiftsOf(segments).filter((s) => s.start === t);
    const first = ids(segments[0]!).join('\u0000');
    const change = segments.find((seg) => ids(seg).join('\u0000') !== first);
    const answer: NowAndNext = { now, next: change ? { at: change.start, engineerIds: ids(change) } : null };
    // A shorter look is the answer once the change is in it and every current shift ended within it.
    return { answer, settled: change !== undefined && now.every((s) => s.end < end) };
  };
  for (const days of [1, 7, 31]) {
    if (days >= horizonDays) break;
    const { answer, settled } = look(days);
    if (settled) return answer;
  }
  return look(horizonDays).answer;
}
