import { z } from 'zod';
import { IsoTime } from '../domain/common';
import { assertTimeZone } from '../sla/zone';
import { parseOrThrow } from '../validation';
import { monthOfInstant } from './month';

/**
 * Rounding: time is billed per ticket per month, the month's total rounded UP to the contract's
 * increment. Three 7-minute entries on one ticket bill 30 minutes at a 15-minute increment; on
 * three tickets, 45 — which is why the seed says to bundle small questions. Raw minutes are kept
 * beside the rounded ones on every line (Harvest keeps raw; Kimai overwrites it — we never do).
 */

export const SCOPES = ['support', 'change_request'] as const;
export type Scope = (typeof SCOPES)[number];

/** An entry longer than this is absurd, not merely long (over 24 h asks for confirmation elsewhere). */
export const MAX_ENTRY_MINUTES = 7 * 24 * 60;

/** A time entry as billing reads it; the caller fills `scope` from the ticket's scope. */
export const BillableEntry = z.strictObject({
  id: z.string().min(1),
  /** The incident; null for time on the client without an incident (one line per month). */
  ticketId: z.string().min(1).nullable(),
  startedAt: IsoTime,
  minutes: z.number().int().min(1).max(MAX_ENTRY_MINUTES),
  billable: z.boolean(),
  scope: z.enum(SCOPES),
});
export type BillableEntry = z.infer<typeof BillableEntry>;

const Entries = z.array(BillableEntry).superRefine((entries, ctx) => {
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    // An entry counted twice bills twice: refuse rather than guess which one is meant.
    if (seen.has(e.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'taken', params: { by: e.id } });
    seen.add(e.id);
  });
});

/** An instant as `toISOString` writes it: what stored entries hold, and always a valid `IsoTime`. */
const isCanonicalIso = (s: string) => {
  const ms = Date.parse(s);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === s;
};

/**
 * True when every entry is certainly one `Entries` accepts, checked without zod: a statement rounds
 * 10,000 stored entries and the schema's object machinery was a fifth of its time. Anything
 * unusual answers false, and the schema then decides and words the refusal.
 */
function plainlyValid(entries: readonly BillableEntry[]): boolean {
  const seen = new Set<string>();
  for (const e of entries) {
    if (typeof e !== 'object' || e === null || Object.getPrototypeOf(e) !== Object.prototype || Object.keys(e).length !== 6) return false;
    if (typeof e.id !== 'string' || e.id.length === 0 || seen.has(e.id)) return false;
    seen.add(e.id);
    if (e.ticketId !== null && (typeof e.ticketId !== 'string' || e.ticketId.length === 0)) return false;
    if (!Number.isInteger(e.minutes) || e.minutes < 1 || e.minutes > MAX_ENTRY_MINUTES) return false;
    if (typeof e.billable !== 'boolean' || (e.scope !== 'support' && e.scope !== 'change_request')) return false;
    if (typeof e.startedAt !== 'string' || !isCanonicalIso(e.startedAt)) return false;
  }
  return true;
}

export const RoundingOptions = z.strictObject({
  incrementMinutes: z.number().int().min(1).max(240),
  timeZone: z.string().min(1),
});
export type RoundingOptions = z.infer<typeof RoundingOptions>;

/** One ticket's month: raw minutes (all, and billable only) beside the rounded billable minutes. */
export interface BilledLine {
  month: string;
  ticketId: string | null;
  scope: Scope;
  rawMinutes: number;
  billableRawMinutes: number;
  roundedMinutes: number;
  entryIds: string[];
}

/** `minutes` rounded up to a whole number of `increment`s (0 stays 0). */
export function roundUp(minutes: number, increment: number): number {
  return Math.ceil(minutes / increment) * increment;
}

/**
 * The billed lines of `entries`: one per ticket, month (in the contract's zone, by the entry's
 * start) and scope. A ticket moved across the scope line mid-month gets a line on each side, so
 * change-request time never mixes into support. Non-billable time is kept raw and bills nothing.
 * Sorted by month, then ticket (time without a ticket last), then scope.
 */
export function billedLines(entries: readonly BillableEntry[], options: RoundingOptions): BilledLine[] {
  const { incrementMinutes, timeZone } = parseOrThrow(RoundingOptions, options, 'rounding options');
  assertTimeZone(timeZone);
  const list = plainlyValid(entries) ? entries : parseOrThrow(Entries, entries, 'time entries');
  const lines = new Map<string, BilledLine>();
  for (const e of list) {
    const month = monthOfInstant(Date.parse(e.startedAt), timeZone);
    const key = JSON.stringify([month, e.ticketId, e.scope]);
    let line = lines.get(key);
    if (!line) {
      line = { month, ticketId: e.ticketId, scope: e.scope, rawMinutes: 0, billableRawMinutes: 0, roundedMinutes: 0, entryIds: [] };
      lines.set(key, line);
    }
    line.rawMinutes += e.minutes;
    if (e.billable) line.billableRawMinutes += e.minutes;
    line.entryIds.push(e.id);
  }
  const out = [...lines.values()];
  for (const line of out) line.roundedMinutes = roundUp(line.billableRawMinutes, incrementMinutes);
  return out.sort(compareLines);
}

function compareLines(a: BilledLine, b: BilledLine): number {
  if (a.month !== b.month) return a.month < b.month ? -1 : 1;
  if (a.ticketId !== b.ticketId) {
    if (a.ticketId === null) return 1;
    if (b.ticketId === null) return -1;
    return a.ticketId < b.ticketId ? -1 : 1;
  }
  return a.scope === b.scope ? 0 : a.scope === 'support' ? -1 : 1;
}

export interface MinutesTotal {
  rawMinutes: number;
  billableRawMinutes: number;
  roundedMinutes: number;
}

/** The sums of `lines` (optionally only those `keep` accepts). */
export function totalOf(lines: readonly BilledLine[], keep: (line: BilledLine) => boolean = () => true): MinutesTotal {
  const total = { rawMinutes: 0, billableRawMinutes: 0, roundedMinutes: 0 };
  for (const line of lines) {
    if (!keep(line)) continue;
    total.rawMinutes += line.rawMinutes;
    total.billableRawMinutes += line.billableRawMinutes;
    total.roundedMinutes += line.roundedMinutes;
  }
  return total;
}

/** Support lines of one month: what draws on a bundle, an allowance or a capacity. */
export function supportLinesOf(lines: readonly BilledLine[], month: string): BilledLine[] {
  return lines.filter((l) => l.month === month && l.scope === 'support');
}
