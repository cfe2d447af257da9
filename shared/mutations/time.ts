import { z } from 'zod';
import { MAX_ENTRY_MINUTES } from '../billing/rounding';
import { IsoTime, Id } from '../domain/common';
import type { Client } from '../domain/client';
import type { Incident } from '../domain/incident';
import { MAX_TIME_ENTRY_MINUTES, scopeOfCategory, type TimeEntry, TimeNote, TimeReason } from '../domain/time';
import { VangnetError } from '../errors';
import { mergeFields } from '../merge';
import { needsRole, ownOrLead } from '../permissions';
import { defineMutation, type Write } from './define';
import { closeReads, refuseClosed } from './monthGuard';

/**
 * Time tracking (docs/time.md). One running timer per engineer: `timer.start` stops every running
 * one of that engineer in the same mutation. Only the entry's engineer or a lead changes an entry,
 * checked here, so the server refuses alike. Overlapping entries are allowed (two laptops may each
 * have logged the same hour; the calls warn, the mutations do not refuse).
 */

const ENGINEER = z.string().min(1).max(200);
const NO_ROW = '';
const MINUTE = 60_000;
/** Where a close read points when there is nothing to guard: a month no row is ever made for. */
const EPOCH = '1970-01-01T00:00:00.000Z';
const ACTION = 'changeOthersTime';
const OWN_OR_LEAD = "the entry's own engineer, or a `lead` or `admin` (and the system actor).";

/** On an incident (its client follows), on a client without one, or both when they agree. */
const Target = { incidentId: Id.nullable().default(null), clientId: Id.nullable().default(null) };
const needsTarget = (a: { incidentId: string | null; clientId: string | null }) => a.incidentId !== null || a.clientId !== null;
const TARGET_ISSUE = { message: 'time.target', path: ['incidentId'] };

const targetReads = (a: { incidentId: string | null; clientId: string | null }) =>
  ({
    incident: { table: 'incidents', by: 'id', value: a.incidentId ?? NO_ROW },
    client: { table: 'clients', by: 'id', value: a.clientId ?? NO_ROW },
  }) as const;

/** Where the time goes: the client, the incident (or null) and the scope the incident's category gives. */
function resolveTarget(
  args: { incidentId: string | null; clientId: string | null },
  rows: { incident: Incident | undefined; client: Client | undefined },
): Pick<TimeEntry, 'clientId' | 'incidentId' | 'scope'> {
  if (args.incidentId !== null) {
    const incident = rows.incident;
    if (!incident)
      throw new VangnetError('not_found', 'incident.unknown', { id: args.incidentId }, [{ path: 'incidentId', code: 'unknownIncident' }]);
    if (args.clientId !== null && incident.clientId !== args.clientId)
      throw new VangnetError('invalid_args', 'time.otherClient', { incident: incident.id, client: args.clientId }, [
        { path: 'clientId', code: 'otherClient' },
      ]);
    return { clientId: incident.clientId, incidentId: incident.id, scope: scopeOfCategory(incident.category) };
  }
  if (args.clientId === null || !rows.client)
    throw new VangnetError('not_found', 'client.unknown', { id: String(args.clientId) }, [{ path: 'clientId', code: 'unknownClient' }]);
  return { clientId: rows.client.id, incidentId: null, scope: 'support' };
}

/** The client the time goes to, once the target's rows are loaded ('' when unknown: the target refusal comes first). */
const targetClient = (args: { clientId: string | null }, rows: { incident: Incident | undefined }) => rows.incident?.clientId ?? args.clientId ?? NO_ROW;

/** Start and end as a sound span: end after start, not after now, at most `maxMinutes` long. */
function checkSpan(startedAt: string, endedAt: string, now: string, maxMinutes: number, confirmed = true): void {
  const start = Date.parse(startedAt);
  const end = Date.parse(endedAt);
  if (end <= start)
    throw new VangnetError('invalid_args', 'time.endBeforeStart', { start: startedAt, end: endedAt }, [
      { path: 'endedAt', code: 'timeOrder' },
    ]);
  if (end > Date.parse(now))
    throw new VangnetError('invalid_args', 'time.inFuture', { at: endedAt }, [{ path: 'endedAt', code: 'inFuture' }]);
  if (end - start > maxMinutes * MINUTE)
    throw new VangnetError('invalid_args', 'time.tooLong', { max: maxMinutes / 60 }, [
      { path: 'endedAt', code: 'entryTooLong', params: { max: maxMinutes / 60 } },
    ]);
  // Over a day is possible (a migration weekend) but rarely meant: the front must have asked.
  if (!confirmed && end - start > MAX_TIME_ENTRY_MINUTES * MINUTE)
    throw new VangnetError('invalid_args', 'time.confirmLong', { max: MAX_TIME_ENTRY_MINUTES / 60 }, [
      { path: 'endedAt', code: 'confirmLong', params: { max: MAX_TIME_ENTRY_MINUTES / 60 } },
    ]);
}

function entryOf(rows: { entry: TimeEntry | undefined }, id: string): TimeEntry {
  if (!rows.entry) throw new VangnetError('not_found', 'time.unknown', { id }, [{ path: 'id', code: 'unknownTimeEntry' }]);
  return rows.entry;
}

function running(rows: { entry: TimeEntry | undefined }, id: string): TimeEntry {
  const entry = entryOf(rows, id);
  if (entry.endedAt !== null) throw new VangnetError('conflict', 'time.notRunning', { id });
  return entry;
}

const utc = (iso: string) => new Date(Date.parse(iso)).toISOString();

function newEntry(
  fields: Pick<TimeEntry, 'id' | 'engineerId' | 'clientId' | 'incidentId' | 'scope' | 'startedAt' | 'endedAt' | 'note' | 'billable'>,
  ctx: { now: string; hlc: string; actor: { id: string } },
): TimeEntry {
  const row: Omit<TimeEntry, 'fieldVersions'> = {
    ...fields,
    runningFor: fields.endedAt === null ? fields.engineerId : null,
    changeReason: null,
    createdAt: ctx.now,
    createdBy: ctx.actor.id,
  };
  const versions = Object.fromEntries(
    Object.keys(row)
      .filter((f) => !['id', 'createdAt', 'createdBy'].includes(f))
      .map((f) => [f, ctx.hlc]),
  );
  return { ...row, fieldVersions: versions };
}

/** `before` stopped at `at`: end set, no longer running, both stamped. */
function stopped(before: TimeEntry, at: string, hlc: string, note?: string): Write {
  const patch: Partial<TimeEntry> = { endedAt: at, runningFor: null, ...(note === undefined ? {} : { note }) };
  const merged = mergeFields(before, before.fieldVersions, patch, hlc);
  return { op: 'update', table: 'timeEntries', before, row: { ...merged.row, fieldVersions: merged.versions } };
}

/** The most timers one engineer can have running at once after offline starts on several laptops. */
const RUNNING_READ = 50;

export const TimerStartArgs = z
  .object({
    id: Id,
    engineerId: ENGINEER,
    ...Target,
    note: TimeNote.default(''),
    billable: z.boolean().default(true),
    /** A lead starts it although the client's prepaid bundle is used up and blocks (docs/billing.md); kept in the audit trail with the args. */
    override: z.boolean().default(false),
  })
  .refine(needsTarget, TARGET_ISSUE);
export type TimerStartArgs = z.infer<typeof TimerStartArgs>;

export const timerStart = defineMutation({
  name: 'timer.start',
  summary: "Starts an engineer's timer on an incident or a client; any timer of theirs still running stops now, in the same mutation.",
  args: TimerStartArgs,
  reads: (args: TimerStartArgs) => ({
    existing: { table: 'timeEntries', by: 'id', value: args.id },
    ...targetReads(args),
    running: { table: 'timeEntries', where: { runningFor: args.engineerId }, limit: RUNNING_READ },
  }),
  readsAfter: (args, rows, ctx) => closeReads('close', targetClient(args, rows), ctx.now),
  permit: (actor, args) =>
    ownOrLead(actor, args.engineerId, ACTION) ?? (args.override ? needsRole(actor, 'lead', 'overrideOverrun') : null),
  who: OWN_OR_LEAD,
  apply(args, rows, ctx) {
    if (rows.existing) throw new VangnetError('conflict', 'time.exists', { id: args.id });
    const target = resolveTarget(args, rows);
    refuseClosed(ctx.now, [rows.close0, rows.close1], 'startedAt');
    const stops = rows.running.map((r) => stopped(r, ctx.now, ctx.hlc));
    const row = newEntry(
      { id: args.id, engineerId: args.engineerId, ...target, startedAt: ctx.now, endedAt: null, note: args.note, billable: args.billable },
      ctx,
    );
    return [...stops, { op: 'insert', table: 'timeEntries', row }];
  },
});

export const TimerStopArgs = z.object({ id: Id, at: IsoTime.optional(), note: TimeNote.optional() });
export type TimerStopArgs = z.infer<typeof TimerStopArgs>;

const entryRead = (args: { id: string }) => ({ entry: { table: 'timeEntries', by: 'id', value: args.id } }) as const;
const ownEntry = (
  actor: { id: string; kind: 'engineer' | 'system'; role: 'engineer' | 'lead' | 'admin'; name: string },
  entry: TimeEntry | undefined,
) => (entry ? ownOrLead(actor, entry.engineerId, ACTION) : null);

export const timerStop = defineMutation({
  name: 'timer.stop',
  summary: 'Stops a running timer now, or at an earlier instant (`at`, e.g. its last heartbeat), optionally setting its note.',
  args: TimerStopArgs,
  reads: (args: TimerStopArgs) => entryRead(args),
  permit: (actor, _args, rows) => ownEntry(actor, rows.entry),
  who: OWN_OR_LEAD,
  apply(args, rows, ctx) {
    const entry = running(rows, args.id);
    const at = args.at === undefined ? ctx.now : utc(args.at);
    // A timer's time really passed, so it may run past a day; more than a week is a forgotten timer.
    checkSpan(entry.startedAt, at, ctx.now, MAX_ENTRY_MINUTES);
    return [stopped(entry, at, ctx.hlc, args.note)];
  },
});

export const TimerSplitArgs = z.object({ id: Id, newId: Id, at: IsoTime });
export type TimerSplitArgs = z.infer<typeof TimerSplitArgs>;

export const timerSplit = defineMutation({
  name: 'timer.split',
  summary:
    'Stops a running timer at `at` (its last heartbeat) and starts a new one on the same incident or client now: the gap is left out.',
  args: TimerSplitArgs,
  reads: (args: TimerSplitArgs) => ({ ...entryRead(args), existing: { table: 'timeEntries', by: 'id', value: args.newId } }),
  permit: (actor, _args, rows) => ownEntry(actor, rows.entry),
  who: OWN_OR_LEAD,
  apply(args, rows, ctx) {
    const entry = running(rows, args.id);
    if (rows.existing) throw new VangnetError('conflict', 'time.exists', { id: args.newId });
    const at = utc(args.at);
    checkSpan(entry.startedAt, at, ctx.now, MAX_ENTRY_MINUTES);
    const { engineerId, clientId, incidentId, scope, billable } = entry;
    const row = newEntry(
      { id: args.newId, engineerId, clientId, incidentId, scope, billable, note: '', startedAt: ctx.now, endedAt: null },
      ctx,
    );
    return [stopped(entry, at, ctx.hlc), { op: 'insert', table: 'timeEntries', row }];
  },
});

export const TimeLogArgs = z
  .object({
    id: Id,
    engineerId: ENGINEER,
    ...Target,
    startedAt: IsoTime,
    minutes: z.number().int().min(1).max(MAX_ENTRY_MINUTES),
    note: TimeNote.default(''),
    billable: z.boolean().default(true),
    /** The engineer confirmed an entry over 24 hours (up to a week); without it such an entry is refused. */
    confirmLong: z.boolean().default(false),
  })
  .refine(needsTarget, TARGET_ISSUE);
export type TimeLogArgs = z.infer<typeof TimeLogArgs>;

export const timeLog = defineMutation({
  name: 'time.log',
  summary: 'Logs a finished entry by hand: start and minutes (1 minute to 24 hours, up to a week with confirmLong), on an incident or a client; not in the future.',
  args: TimeLogArgs,
  reads: (args: TimeLogArgs) => ({ existing: { table: 'timeEntries', by: 'id', value: args.id }, ...targetReads(args) }),
  readsAfter: (args, rows) => closeReads('close', targetClient(args, rows), utc(args.startedAt)),
  permit: (actor, args) => ownOrLead(actor, args.engineerId, ACTION),
  who: OWN_OR_LEAD,
  apply(args, rows, ctx) {
    if (rows.existing) throw new VangnetError('conflict', 'time.exists', { id: args.id });
    const target = resolveTarget(args, rows);
    const startedAt = utc(args.startedAt);
    const endedAt = new Date(Date.parse(startedAt) + args.minutes * MINUTE).toISOString();
    checkSpan(startedAt, endedAt, ctx.now, MAX_ENTRY_MINUTES, args.confirmLong);
    refuseClosed(startedAt, [rows.close0, rows.close1], 'startedAt');
    const row = newEntry(
      { id: args.id, engineerId: args.engineerId, ...target, startedAt, endedAt, note: args.note, billable: args.billable },
      ctx,
    );
    return [{ op: 'insert', table: 'timeEntries', row }];
  },
});

export const TimeUpdateArgs = z
  .object({
    id: Id,
    reason: TimeReason,
    startedAt: IsoTime.optional(),
    endedAt: IsoTime.optional(),
    note: TimeNote.optional(),
    billable: z.boolean().optional(),
    /** The engineer confirmed that the changed entry lasts over 24 hours (up to a week). */
    confirmLong: z.boolean().optional(),
  })
  .refine((a) => a.startedAt !== undefined || a.endedAt !== undefined || a.note !== undefined || a.billable !== undefined, {
    message: 'time.nothingToChange',
  });
export type TimeUpdateArgs = z.infer<typeof TimeUpdateArgs>;

export const timeUpdate = defineMutation({
  name: 'time.update',
  summary: "Changes an entry's start, end, note or billable flag, with a reason; its engineer or a lead only.",
  args: TimeUpdateArgs,
  reads: (args: TimeUpdateArgs) => entryRead(args),
  readsAfter: (args, rows) => ({
    ...closeReads('was', rows.entry?.clientId ?? NO_ROW, rows.entry?.startedAt ?? EPOCH),
    ...closeReads('to', rows.entry?.clientId ?? NO_ROW, args.startedAt === undefined ? EPOCH : utc(args.startedAt)),
  }),
  permit: (actor, _args, rows) => ownEntry(actor, rows.entry),
  who: OWN_OR_LEAD,
  apply(args, rows, ctx) {
    const before = entryOf(rows, args.id);
    // What bills is locked once its month is closed; the note explains and may still change.
    if (args.startedAt !== undefined || args.endedAt !== undefined || args.billable !== undefined)
      refuseClosed(before.startedAt, [rows.was0, rows.was1], 'startedAt');
    if (args.startedAt !== undefined) refuseClosed(utc(args.startedAt), [rows.to0, rows.to1], 'startedAt');
    if (args.endedAt !== undefined && before.endedAt === null)
      throw new VangnetError('conflict', 'time.stopFirst', { id: args.id }, [{ path: 'endedAt', code: 'timerRunning' }]);
    const startedAt = args.startedAt === undefined ? undefined : utc(args.startedAt);
    const endedAt = args.endedAt === undefined ? undefined : utc(args.endedAt);
    if (startedAt !== undefined || endedAt !== undefined) {
      const start = startedAt ?? before.startedAt;
      if (before.endedAt === null && Date.parse(start) > Date.parse(ctx.now))
        throw new VangnetError('invalid_args', 'time.inFuture', { at: start }, [{ path: 'startedAt', code: 'inFuture' }]);
      if (before.endedAt !== null) checkSpan(start, endedAt ?? before.endedAt, ctx.now, MAX_ENTRY_MINUTES, args.confirmLong === true);
    }
    const patch: Partial<TimeEntry> = { startedAt, endedAt, note: args.note, billable: args.billable, changeReason: args.reason };
    const merged = mergeFields(before, before.fieldVersions, patch, ctx.hlc);
    return [{ op: 'update', table: 'timeEntries', before, row: { ...merged.row, fieldVersions: merged.versions } }];
  },
});

export const TimeDeleteArgs = z.object({ id: Id, reason: TimeReason });
export type TimeDeleteArgs = z.infer<typeof TimeDeleteArgs>;

export const timeDelete = defineMutation({
  name: 'time.delete',
  summary: 'Deletes an entry everywhere (a tombstone) with a reason, kept in the audit trail; its engineer or a lead only.',
  args: TimeDeleteArgs,
  reads: (args: TimeDeleteArgs) => entryRead(args),
  readsAfter: (_args, rows) => closeReads('close', rows.entry?.clientId ?? NO_ROW, rows.entry?.startedAt ?? EPOCH),
  permit: (actor, _args, rows) => ownEntry(actor, rows.entry),
  who: OWN_OR_LEAD,
  apply(args, rows, ctx) {
    const before = entryOf(rows, args.id);
    refuseClosed(before.startedAt, [rows.close0, rows.close1], 'id');
    // The reason goes into the row first, so the audit trail's last copy of it says why it went.
    const merged = mergeFields(before, before.fieldVersions, { changeReason: args.reason }, ctx.hlc);
    const last: TimeEntry = { ...merged.row, fieldVersions: merged.versions };
    return [
      { op: 'update', table: 'timeEntries', before, row: last },
      { op: 'delete', table: 'timeEntries', before: last },
    ];
  },
});
