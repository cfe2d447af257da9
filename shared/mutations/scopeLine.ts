import type { ChangeRequest } from '../domain/changeRequest';
import type { Category, Incident } from '../domain/incident';
import { scopeOfCategory, type TimeEntry } from '../domain/time';
import { VangnetError } from '../errors';
import { mergeFields } from '../merge';
import { LIST_READ_MAX, type Write } from './define';

/**
 * Moving a ticket across the scope line (docs/billing.md, "Change requests"): its time entries'
 * `scope` follows its category, so a change request's time never draws on the support budget and
 * back again it does. A mutation that changes a category reads the ticket's entries as one bounded
 * list; a ticket with the list full is refused rather than half moved.
 */

/** The read of a ticket's entries and its change request, for a mutation that changes its category. */
export const scopeReads = (incidentId: string) =>
  ({
    entries: { table: 'timeEntries', where: { incidentId }, limit: LIST_READ_MAX },
    changeRequest: { table: 'changeRequests', by: 'id', value: incidentId },
  }) as const;

/** Refuses leaving new functionality while the change request is past its draft (a quote is out, or decided). */
export function guardLeavingChangeRequest(incident: Incident, to: Category | null, changeRequest: ChangeRequest | undefined): void {
  if (incident.category !== 'new_functionality' || to === 'new_functionality') return;
  if (changeRequest && changeRequest.status !== 'draft')
    throw new VangnetError('conflict', 'changeRequest.decided', { id: incident.id, status: changeRequest.status });
}

/** The entries of a ticket re-scoped for its new category: an update for each entry on the other side. */
export function rescopeEntries(incident: Incident, to: Category | null, entries: readonly TimeEntry[], hlc: string): Write[] {
  const scope = scopeOfCategory(to);
  if (scopeOfCategory(incident.category) === scope && entries.every((e) => e.scope === scope)) return [];
  if (entries.length >= LIST_READ_MAX)
    throw new VangnetError('conflict', 'changeRequest.tooManyEntries', { id: incident.id, max: LIST_READ_MAX });
  return entries
    .filter((e) => e.scope !== scope)
    .map((before) => {
      const merged = mergeFields(before, before.fieldVersions, { scope }, hlc);
      return { op: 'update', table: 'timeEntries', before, row: { ...merged.row, fieldVersions: merged.versions } } as const;
    });
}
