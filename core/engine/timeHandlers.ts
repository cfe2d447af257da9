import type { Handlers } from '../../shared/contract';
import type { TimeEntryView, TimeList } from '../../shared/contract/time';
import { addMonths, monthOfInstant } from '../../shared/billing/month';
import { type BillableEntry, billedLines } from '../../shared/billing/rounding';
import { billableOf } from '../../shared/billing/clientBundle';
import { billingTermsOf } from '../../shared/billing/terms';
import { contractInForce } from '../../shared/domain/slaInputs';
import { entryMinutes, type TimeEntry } from '../../shared/domain/time';
import { VangnetError } from '../../shared/errors';
import { localMsOf } from '../../shared/sla/calendar';
import { assertTimeZone, localToUtc } from '../../shared/sla/zone';
import { contractsFor } from '../repos/lifecycle';
import { getRowBy } from '../repos/rows';
import { listTimeEntries, overlappingEntries, runningTimer } from '../repos/timeEntries';
import { closedMonthsByClient } from '../repos/monthCloses';
import { listEngineers } from '../repos/sync';
import { closedMonthOf } from '../../shared/mutations/monthGuard';
import { hasRole } from '../../shared/permissions';
import { localActor } from './actor';
import { overrunCheck } from './budgetHandlers';
import type { HandlerDeps } from './handlers';

const DAY_MS = 86_400_000;

/** The instants [from, to) a list query covers: a month, a day range, or the current month. */
function rangeOf(q: { month?: string; from?: string; to?: string; timeZone: string }, nowMs: number): { from: number; to: number } {
  assertTimeZone(q.timeZone);
  const at = (day: string) => localToUtc(q.timeZone, localMsOf(day));
  if (q.from !== undefined || q.to !== undefined) {
    const first = q.from ?? q.to!;
    const last = q.to ?? q.from!;
    if (last < first)
      throw new VangnetError('invalid_args', 'time.rangeOrder', { from: first, to: last }, [{ path: 'to', code: 'timeOrder' }]);
    return { from: at(first), to: localToUtc(q.timeZone, localMsOf(last) + DAY_MS) };
  }
  const month = q.month ?? monthOfInstant(nowMs, q.timeZone);
  return { from: at(`${month}-01`), to: at(`${addMonths(month, 1)}-01`) };
}

/** The listed entries' billed lines per client: per ticket per month, at the increment of the contract in force at the range's end. */
function linesOf(
  deps: HandlerDeps,
  entries: readonly TimeEntry[],
  endIso: string,
  zone: string,
  nowMs: number,
): Pick<TimeList, 'lines' | 'totals'> {
  const byClient = new Map<string, BillableEntry[]>();
  for (const e of entries) {
    // A running timer has no minutes to bill yet; a stop within the minute bills nothing.
    const billable = billableOf(e, nowMs);
    if (!billable) continue;
    byClient.set(e.clientId, [...(byClient.get(e.clientId) ?? []), billable]);
  }
  const lines: TimeList['lines'] = [];
  const totals: TimeList['totals'] = [];
  for (const [clientId, list] of byClient) {
    // The range ends before `endIso`: a version starting that very day is the next range's.
    const contract = contractInForce(contractsFor(deps.db, clientId), new Date(Date.parse(endIso) - 1).toISOString());
    const terms = contract ? billingTermsOf(contract.terms) : null;
    const incrementMinutes = terms?.incrementMinutes ?? 1;
    const billed = billedLines(list, { incrementMinutes, timeZone: terms?.timeZone ?? zone });
    const total = { clientId, rawMinutes: 0, billableRawMinutes: 0, roundedMinutes: 0 };
    for (const l of billed) {
      lines.push({
        clientId,
        month: l.month,
        incidentId: l.ticketId,
        scope: l.scope,
        rawMinutes: l.rawMinutes,
        billableRawMinutes: l.billableRawMinutes,
        roundedMinutes: l.roundedMinutes,
        incrementMinutes,
      });
      total.rawMinutes += l.rawMinutes;
      total.billableRawMinutes += l.billableRawMinutes;
      total.roundedMinutes += l.roundedMinutes;
    }
    totals.push(total);
  }
  return { lines, totals };
}

/** Time tracking: the timer, manual entries, lists with rounded lines, the stale-timer question. */
export function createTimeHandlers(deps: HandlerDeps): Handlers['time'] {
  const { db, mutate, newId, now, timers } = deps;

  const view = (entry: TimeEntry): TimeEntryView => {
    const { fieldVersions: _, ...rest } = entry;
    return { ...rest, minutes: entryMinutes(entry, now()) };
  };
  const me = (): string => {
    const profile = deps.profile();
    if (!profile) throw new VangnetError('not_ready', 'profile.missing');
    return profile.engineerId;
  };
  const stored = (id: string, call: string): TimeEntry => {
    const row = getRowBy(db, 'timeEntries', 'id', id);
    if (!row) throw new VangnetError('internal', 'call.wroteNoRow', { call });
    return row;
  };

  return {
    running: () => {
      const entry = deps.profile() ? runningTimer(db, me()) : undefined;
      return entry ? view(entry) : null;
    },
    start: ({ incidentId, clientId, note, billable, override }) => {
      const id = newId();
      const target = incidentId === undefined ? clientId : (getRowBy(db, 'incidents', 'id', incidentId)?.clientId ?? clientId);
      // Refuses here (the laptop) when the bundle blocks; the server does not recompute it (docs/billing.md).
      const overrun = target === undefined ? null : overrunCheck(deps, target, override ?? false);
      mutate('timer.start', { id, engineerId: me(), incidentId: incidentId ?? null, clientId: clientId ?? null, note, billable, override });
      timers.changed();
      return { ...view(stored(id, 'timer.start')), overrun };
    },
    stop: ({ note }) => {
      const entry = runningTimer(db, me());
      if (!entry) throw new VangnetError('not_found', 'time.noTimer');
      mutate('timer.stop', { id: entry.id, note });
      timers.changed();
      return view(stored(entry.id, 'timer.stop'));
    },
    log: ({ incidentId, clientId, engineerId, ...rest }) => {
      const id = newId();
      const engineer = engineerId ?? me();
      mutate('time.log', { id, engineerId: engineer, incidentId: incidentId ?? null, clientId: clientId ?? null, ...rest });
      const entry = stored(id, 'time.log');
      const overlaps = overlappingEntries(db, engineer, entry.startedAt, entry.endedAt!, id);
      const overlapping = overlaps.flatMap((other) => {
        const row = getRowBy(db, 'timeEntries', 'id', other);
        return row ? [view(row)] : [];
      });
      return { entry: view(entry), overlaps, overlapping };
    },
    update: (args) => {
      mutate('time.update', args);
      return view(stored(args.id, 'time.update'));
    },
    delete: (args) => {
      mutate('time.delete', args);
      return { id: args.id };
    },
    list: (q) => {
      const nowMs = now();
      const range = rangeOf(q, nowMs);
      const fromIso = new Date(range.from).toISOString();
      const toIso = new Date(range.to).toISOString();
      const { entries, truncated } = listTimeEntries(db, {
        engineerId: q.engineerId,
        clientId: q.clientId,
        fromIso,
        toIso,
        limit: q.limit,
      });
      const closed = closedMonthsByClient(
        db,
        entries.map((e) => e.clientId),
      );
      const listed = entries.map((e) => ({ ...view(e), locked: closedMonthOf(e.startedAt, closed.get(e.clientId) ?? []) !== null }));
      return { from: fromIso, to: toIso, entries: listed, truncated, ...linesOf(deps, entries, toIso, q.timeZone, nowMs) };
    },
    people: () => {
      const profile = deps.profile();
      if (!profile) throw new VangnetError('not_ready', 'profile.missing');
      const canChangeOthers = hasRole(localActor(db, profile), 'lead');
      const others = canChangeOthers ? listEngineers(db).filter((e) => e.active && e.id !== profile.engineerId) : [];
      return {
        me: profile.engineerId,
        canChangeOthers,
        engineers: [{ id: profile.engineerId, name: profile.name }, ...others.map((e) => ({ id: e.id, name: e.name }))],
      };
    },
    question: () => timers.question(),
    answer: ({ entryId, answer }) => {
      const after = timers.answer(entryId, answer);
      return after ? view(after) : null;
    },
  };
}
