import { z } from 'zod';
import { LocalDate, TimeZoneName, WEEKDAYS, WeekHours, minutesOfDay } from '../sla/calendar';
import { IsoTime, line } from './common';
import { Priority } from './incident';

/**
 * On-call schedules and escalation policies as data (issue 12), checked by zod so storage can
 * come later without a second definition. The engine that reads them is shared/oncall/; the rules
 * (layers, overrides, the DST rule) are in docs/oncall.md.
 */

/** An engineer's id as the office server made it. */
const EngineerRef = z.string().min(1).max(100);
/** Ids of schedules, rotations, layers, overrides, policies: made by whoever stores them. */
const RefId = z.string().min(1).max(100);

/** A wall-clock reading without a zone: `2026-03-29T02:30`, read in the rotation's zone. */
export const LocalDateTime = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/.test(s) && LocalDate.safeParse(s.slice(0, 10)).success, {
    abort: true,
    message: 'oncall.localDateTime',
  })
  .meta({ examples: ['2026-03-29T02:30'] });

export const SHIFT_UNITS = ['hours', 'days', 'weeks'] as const;

/**
 * Engineers take turns: participant k % n holds shift k. Shift 0 starts at `handoff.start` (wall
 * clock in `zone`); nobody is on call from this rotation before it. Days and weeks count calendar
 * days, so every handoff is at the anchor's wall-clock time; hours count elapsed hours.
 */
export const Rotation = z.strictObject({
  id: RefId,
  name: line(120),
  zone: TimeZoneName,
  shiftLength: z.strictObject({ unit: z.enum(SHIFT_UNITS), count: z.number().int().min(1).max(1000) }),
  handoff: z.strictObject({ start: LocalDateTime }),
  participants: z.array(EngineerRef).min(1).max(200),
});
export type Rotation = z.infer<typeof Rotation>;

/**
 * Rotations at one priority. Where a higher layer has someone on call, it wins; elsewhere the next
 * layer down answers. `activeHours` (wall clock per weekday, in the schedule's zone) limits the
 * layer to those hours, e.g. office hours for the support desk; without it the layer is always on.
 */
export const Layer = z
  .strictObject({
    id: RefId,
    priority: z.number().int().min(0).max(1000),
    rotations: z.array(Rotation).min(1).max(20),
    activeHours: WeekHours.optional(),
  })
  .superRefine((layer, ctx) => {
    for (const day of WEEKDAYS)
      (layer.activeHours?.[day] ?? []).forEach(([a, b], i) => {
        if (minutesOfDay(a) >= minutesOfDay(b))
          ctx.addIssue({ code: 'custom', path: ['activeHours', day, i], message: 'calendar.inverted', params: { interval: `${a}–${b}` } });
      });
  });
export type Layer = z.infer<typeof Layer>;

export const OVERRIDE_KINDS = ['add', 'remove', 'replace'] as const;

/**
 * A change for one window `[start, end)`: `add` puts `engineerId` on call as well; `remove` takes
 * `engineerId` off; `replace` puts `engineerId` on call wherever `replaces` would have been.
 * Overrides apply in list order, on top of the layers.
 */
export const Override = z
  .strictObject({
    id: RefId,
    kind: z.enum(OVERRIDE_KINDS),
    engineerId: EngineerRef,
    replaces: EngineerRef.optional(),
    start: IsoTime,
    end: IsoTime,
  })
  .superRefine((o, ctx) => {
    if ((o.kind === 'replace') !== (o.replaces !== undefined))
      ctx.addIssue({ code: 'custom', path: ['replaces'], message: 'oncall.replaces' });
    else if (o.replaces === o.engineerId) ctx.addIssue({ code: 'custom', path: ['replaces'], message: 'oncall.replacesItself' });
    if (!(Date.parse(o.end) > Date.parse(o.start))) ctx.addIssue({ code: 'custom', path: ['end'], message: 'oncall.endBeforeStart' });
  });
export type Override = z.infer<typeof Override>;

/** A schedule: its layers, its overrides, and the zone its preview's days are counted in. */
export const Schedule = z
  .strictObject({
    id: RefId,
    name: line(120),
    zone: TimeZoneName,
    layers: z.array(Layer).max(20),
    overrides: z.array(Override).max(5000).default([]),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<number>();
    s.layers.forEach((layer, i) => {
      if (seen.has(layer.priority))
        ctx.addIssue({ code: 'custom', path: ['layers', i, 'priority'], message: 'oncall.priorityTaken', params: { priority: layer.priority } });
      seen.add(layer.priority);
    });
  });
export type Schedule = z.infer<typeof Schedule>;

/** Whom a step pages: whoever is on call in a schedule at that moment, or one named engineer. */
export const EscalationTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('schedule'), id: RefId }),
  z.strictObject({ kind: z.literal('engineer'), id: EngineerRef }),
]);
export type EscalationTarget = z.infer<typeof EscalationTarget>;

/** A step pages its targets, then waits `delayMinutes` for an acknowledgement before the next step. */
export const EscalationStep = z.strictObject({
  delayMinutes: z.number().int().min(0).max(24 * 60),
  targets: z.array(EscalationTarget).min(1).max(20),
});
export type EscalationStep = z.infer<typeof EscalationStep>;

/** Ordered steps; after the last, the whole list runs `repeat` more times. */
export const EscalationPolicy = z.strictObject({
  id: RefId,
  name: line(120),
  steps: z.array(EscalationStep).min(1).max(20),
  repeat: z.number().int().min(0).max(10),
});
export type EscalationPolicy = z.infer<typeof EscalationPolicy>;

/** Which policy an incident follows: per contract and priority; `null` matches any. */
export const PolicyAttachment = z.strictObject({
  contractId: RefId.nullable(),
  priority: Priority.nullable(),
  policyId: RefId,
});
export type PolicyAttachment = z.infer<typeof PolicyAttachment>;
