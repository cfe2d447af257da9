import type { Handlers } from '../../shared/contract';
import type { BundlingSavingsView, BundlingTicket } from '../../shared/contract/bundling';
import { bundlingSavings, bundlingSuggestion } from '../../shared/billing/bundling';
import { billableOf } from '../../shared/billing/clientBundle';
import { monthOfInstant } from '../../shared/billing/month';
import { type BillableEntry, billedLines, type RoundingOptions } from '../../shared/billing/rounding';
import { billingTermsOf } from '../../shared/billing/terms';
import type { Incident } from '../../shared/domain/incident';
import { contractInForce } from '../../shared/domain/slaInputs';
import type { TimeEntry } from '../../shared/domain/time';
import { VangnetError } from '../../shared/errors';
import { IncidentMergeArgs, mergePlan, mergeReads, type MergeRows } from '../../shared/mutations/merge';
import { clientClosesRead } from '../../shared/mutations/monthGuard';
import { timeEntriesOfClient } from '../repos/budget';
import { entryCounts, openTicketsOf } from '../repos/bundling';
import { contractsFor } from '../repos/lifecycle';
import { getRowBy, loadRead } from '../repos/rows';
import type { HandlerDeps } from './handlers';
import { incidentDetail } from './incidentHandlers';

/** Without a contract nothing is rounded (an increment of one minute), so bundling saves nothing. */
const NO_CONTRACT: RoundingOptions = { incrementMinutes: 1, timeZone: 'Europe/Amsterdam' };

/**
 * Ticket bundling (docs/billing.md, "Bundling"): the suggestion for a client, the preview of a
 * merge and the merge itself. Rounding follows the increment and zone of the contract in force now.
 */
export function createBundlingHandlers(deps: HandlerDeps): Handlers['bundling'] {
  const { db, mutate, now } = deps;

  function roundingOf(clientId: string): RoundingOptions {
    const contract = contractInForce(contractsFor(db, clientId), new Date(now()).toISOString());
    if (!contract) return NO_CONTRACT;
    const terms = billingTermsOf(contract.terms);
    return { incrementMinutes: terms.incrementMinutes, timeZone: terms.timeZone };
  }

  const billable = (entries: readonly TimeEntry[]): BillableEntry[] =>
    entries.map((e) => billableOf(e, now())).filter((e): e is BillableEntry => e !== null);

  /** The tickets with what moves with them and what they bill (in `month`, or in every month). */
  function view(
    clientId: string,
    tickets: readonly Incident[],
    entries: readonly BillableEntry[],
    rounding: RoundingOptions,
    month: string | null,
  ): Omit<BundlingSavingsView, 'apartMinutes' | 'togetherMinutes' | 'savedMinutes' | 'keptEntries'> {
    const counts = entryCounts(
      db,
      tickets.map((t) => t.id),
    );
    const lines = billedLines(entries, rounding).filter((l) => month === null || l.month === month);
    const rows: BundlingTicket[] = tickets.map((t) => {
      const mine = lines.filter((l) => l.ticketId === t.id);
      return {
        id: t.id,
        title: t.title,
        openedAt: t.openedAt,
        entryCount: counts.get(t.id) ?? 0,
        rawMinutes: mine.reduce((n, l) => n + l.billableRawMinutes, 0),
        billedMinutes: mine.reduce((n, l) => n + l.roundedMinutes, 0),
      };
    });
    const oldest = [...tickets].sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.id.localeCompare(b.id))[0]!;
    return { clientId, month, ...rounding, survivorId: oldest.id, tickets: rows };
  }

  return {
    suggestion: ({ clientId, month }) => {
      if (!getRowBy(db, 'clients', 'id', clientId))
        throw new VangnetError('not_found', 'client.unknown', { id: clientId }, [{ path: 'clientId', code: 'unknownClient' }]);
      const rounding = roundingOf(clientId);
      const asked = month ?? monthOfInstant(now(), rounding.timeZone);
      const open = openTicketsOf(db, clientId);
      const entries = billable(timeEntriesOfClient(db, clientId));
      const found = bundlingSuggestion(entries, { openTicketIds: open.map((t) => t.id), month: asked }, rounding);
      if (!found) return null;
      const chosen = new Set(found.ticketIds);
      const tickets = open.filter((t) => chosen.has(t.id));
      const inMonth = entries.filter((e) => e.ticketId !== null && chosen.has(e.ticketId) && e.scope === 'support');
      const { apartMinutes, togetherMinutes, savedMinutes } = found;
      return { ...view(clientId, tickets, inMonth, rounding, asked), keptEntries: 0, apartMinutes, togetherMinutes, savedMinutes };
    },
    preview: ({ survivorId, mergedIds }) => {
      const args = IncidentMergeArgs.parse({ survivorId, mergedIds });
      const rows = Object.fromEntries(Object.entries(mergeReads(args)).map(([k, spec]) => [k, loadRead(db, spec)])) as MergeRows;
      const survivor = rows.survivor as Incident | undefined;
      if (survivor) rows.closes = loadRead(db, clientClosesRead(survivor.clientId)) as MergeRows[string];
      const plan = mergePlan(args, rows);
      const tickets = [plan.survivor, ...plan.merged.map((m) => m.ticket)];
      const ids = new Set(tickets.map((t) => t.id));
      // Entries a closed month keeps stay billed as they were: they count for neither side of the saving.
      const kept = new Set(plan.merged.flatMap((m) => m.kept.map((e) => e.id)));
      const ofTickets = timeEntriesOfClient(db, plan.survivor.clientId).filter((e) => e.incidentId !== null && ids.has(e.incidentId) && !kept.has(e.id));
      const entries = billable(ofTickets);
      const rounding = roundingOf(plan.survivor.clientId);
      const savings = bundlingSavings(entries, [...ids], rounding);
      const base = view(plan.survivor.clientId, tickets, entries, rounding, null);
      return { ...base, survivorId: plan.survivor.id, keptEntries: kept.size, ...pick(savings) };
    },
    merge: (args) => {
      mutate('incident.merge', args);
      return incidentDetail(deps, args.survivorId);
    },
  };
}

function pick(s: { apartMinutes: number; togetherMinutes: number; savedMinutes: number }) {
  return { apartMinutes: s.apartMinutes, togetherMinutes: s.togetherMinutes, savedMinutes: s.savedMinutes };
}
