import { z } from 'zod';
import { MAX_ENTRY_MINUTES, SCOPES } from '../billing/rounding';
import { BillingMonth } from '../billing/month';
import { Id, IsoTime } from '../domain/common';
import { TimeEntry, TimeNote } from '../domain/time';
import { TimeDeleteArgs, TimeUpdateArgs } from '../mutations/time';
import { LocalDate } from '../sla/calendar';
import { call, NoArgs } from './common';

/** An entry as the fronts show it: the stored row with its whole minutes (so far, while running). */
export const TimeEntryView = TimeEntry.omit({ fieldVersions: true }).extend({ minutes: z.number().int().min(0) });
export type TimeEntryView = z.infer<typeof TimeEntryView>;

const Target = { incidentId: Id.optional(), clientId: Id.optional() };
const hasTarget = (a: { incidentId?: string; clientId?: string }) => a.incidentId !== undefined || a.clientId !== undefined;
const TARGET = { message: 'time.target', path: ['incidentId'] };

export const TimerStartInput = z
  .object({
    ...Target,
    note: TimeNote.optional(),
    billable: z.boolean().optional(),
    /** A lead overrides a prepaid bundle that is used up and blocks new timers (audited with the mutation's args). */
    override: z.boolean().optional(),
  })
  .refine(hasTarget, TARGET);

/** The started timer, and what the prepaid bundle's overrun policy says: a warning, or the override the audit keeps. */
export const TimerStarted = TimeEntryView.extend({
  overrun: z
    .object({ kind: z.enum(['warn', 'override']), key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })
    .nullable(),
});

export const TimeLogInput = z
  .object({
    ...Target,
    startedAt: IsoTime,
    minutes: z.number().int().min(1).max(MAX_ENTRY_MINUTES),
    note: TimeNote.optional(),
    billable: z.boolean().optional(),
    /** Confirms an entry over 24 hours (up to a week); without it such an entry is refused (`time.confirmLong`). */
    confirmLong: z.boolean().optional(),
    /** Whose time; a lead may log another engineer's. Default: this laptop's engineer. */
    engineerId: z.string().min(1).max(200).optional(),
  })
  .refine(hasTarget, TARGET);

/** The most entries one list answers; `truncated` says when there were more. */
export const TIME_LIST_MAX = 1000;

export const TimeListQuery = z.object({
  engineerId: z.string().min(1).max(200).optional(),
  clientId: Id.optional(),
  /** A billing month; or a day range with `from`/`to` (inclusive); neither: the current month. */
  month: BillingMonth.optional(),
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  /** The zone months and days are read in (the team's; a contract's own zone decides its rounding). */
  timeZone: z.string().min(1).max(64).default('Europe/Amsterdam'),
  limit: z.number().int().min(1).max(TIME_LIST_MAX).default(500),
});

/** One ticket's month of the listed entries: raw beside rounded, at the contract's increment. */
export const TimeLine = z.object({
  clientId: Id,
  month: z.string(),
  incidentId: Id.nullable(),
  scope: z.enum(SCOPES),
  rawMinutes: z.number().int(),
  billableRawMinutes: z.number().int(),
  roundedMinutes: z.number().int(),
  incrementMinutes: z.number().int(),
});

export const ClientTimeTotal = z.object({
  clientId: Id,
  rawMinutes: z.number().int(),
  billableRawMinutes: z.number().int(),
  roundedMinutes: z.number().int(),
});

/** A listed entry; `locked` when it starts in a closed month of its client (no edits but the note, no deletion). */
export const ListedTimeEntry = TimeEntryView.extend({ locked: z.boolean() });
export type ListedTimeEntry = z.infer<typeof ListedTimeEntry>;

export const TimeList = z.object({
  from: IsoTime,
  to: IsoTime,
  entries: z.array(ListedTimeEntry),
  truncated: z.boolean(),
  lines: z.array(TimeLine),
  totals: z.array(ClientTimeTotal),
});
export type TimeList = z.infer<typeof TimeList>;

export const STALE_ANSWERS = ['stopAtHeartbeat', 'keep', 'splitGap'] as const;

/** A timer found running at start whose last heartbeat here is old: the engine asks what the gap was. */
export const StaleTimerQuestion = z.object({
  entry: TimeEntryView,
  lastHeartbeatAt: IsoTime,
  gapMinutes: z.number().int().min(0),
  answers: z.array(z.enum(STALE_ANSWERS)),
});
export type StaleTimerQuestion = z.infer<typeof StaleTimerQuestion>;

export const timeCalls = {
  time: {
    /** This laptop's engineer's running timer, or null. */
    running: call(NoArgs, TimeEntryView.nullable()),
    /** Starts a timer on an incident or a client; a timer already running stops now. */
    start: call(TimerStartInput, TimerStarted),
    /** Stops the running timer (refused when none runs), optionally with a note. */
    stop: call(z.object({ note: TimeNote.optional() }), TimeEntryView),
    /**
     * A finished entry by hand; `overlaps` lists the ids of the engineer's entries it overlaps (a
     * warning, never a refusal), `overlapping` the same entries in full, so a front can name them.
     */
    log: call(TimeLogInput, z.object({ entry: TimeEntryView, overlaps: z.array(Id), overlapping: z.array(TimeEntryView) })),
    update: call(TimeUpdateArgs, TimeEntryView),
    delete: call(TimeDeleteArgs, z.object({ id: Id })),
    /** Entries by engineer and/or client over a month or days, bounded, with rounded lines and totals per client. */
    list: call(TimeListQuery, TimeList),
    /** Whose time this laptop may show and change: its engineer, and every engineer when a lead or admin. */
    people: call(
      NoArgs,
      z.object({ me: z.string(), canChangeOthers: z.boolean(), engineers: z.array(z.object({ id: z.string(), name: z.string() })) }),
    ),
    /** The stale-timer question found at start, until answered. */
    question: call(NoArgs, StaleTimerQuestion.nullable()),
    /** Answers it; returns the timer running afterwards (null after `stopAtHeartbeat`). */
    answer: call(z.object({ entryId: Id, answer: z.enum(STALE_ANSWERS) }), TimeEntryView.nullable()),
  },
} as const;
