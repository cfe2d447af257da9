import type { ChangeRequest } from '../domain/changeRequest';
import type { Category, Incident } from '../domain/incident';
import { scopeOfCategory, type TimeEntry } from '../domain/time';
import { VangnetError } from '../errors';
import { mergeFields } from '../merge';
import type { MonthClose } from '../domain/monthClose';
import { LIST_READ_MAX, type ListRead, type Write } from './define';
import { clientClosesRead, splitByClosedMonth } from './monthGuard';

/**
 * Moving a ticket across the scope line (docs/billing.md, "Change requests"): its time entries'
 * `scope` follows its category, so a change request's time never draws on the support budget and
 * back again it does. A mutation that changes a category reads the ticket's entries as one bounded
 * list; a ticket with the list full is refused rather than half moved. Entries that start in a closed
 * month keep their scope: billed time stays as billed, and the category event counts them.
 */

/** The read of a ticket's entries and its change request, for a mutation that changes its category. */
export const scopeReads = (incidentId: string) =>
  ({
    entries: { table: 'timeEntries', where: { incidentId }, limit: LIST_READ_MAX },
    changeRequest: { table: 'changeRequests', by: 'id', value: incidentId },
  }) as const;

/** The close rows of the ticket's client, read once the ticket is loaded. */
export function scopeReadsAfter(rows: { incident: Incident | undefined }): { closes: ListRead<'monthCloses'> } {
  return { closes: clientClosesRead(rows.incident?.clientId ?? '') };
}

/** Refuses leaving new functionality while the change request is past its draft (a quote is out, or decided). */
export function guardLeavingChangeRequest(incident: Incident, to: Category | null, changeRequest: ChangeRequest | undefined): void {
  if (incident.category !== 'new_functionality' || to === 'new_functionality') return;
  if (changeRequest && changeRequest.status !== 'draft')
    throw new VangnetError('conflict', 'changeRequest.decided', { id: incident.id, status: changeRequest.status });
}

/**
 * The entries of a ticket re-scoped for its new category: an update for each entry on the other side
 * that starts in an open month, and how many on the other side stayed because their month is closed.
 */
export function rescopeEntries(
  incident: Incident,
  to: Category | null,
  entries: readonly TimeEntry[],
  closes: readonly MonthClose[],
  hlc: string,
): { writes: Write[]; kept: number } {
  const scope = scopeOfCategory(to);
  if (scopeOfCategory(incident.category) === scope && entries.every((e) => e.scope === scope)) return { writes: [], kept: 0 };
  if (entries.length >= LIST_READ_MAX)
    throw new VangnetError('conflict', 'changeRequest.tooManyEntries', { id: incident.id, max: LIST_READ_MAX });
  const { open, kept } = splitByClosedMonth(
    entries.filter((e) => e.scope !== scope),
    closes,
  );
  const writes = open.map((before) => {
    const merged = mergeFields(before, before.fieldVersions, { scope }, hlc);
    return { op: 'update', table: 'timeEntries', before, row: { ...merged.row, fieldVersions: merged.versions } } as const;
  });
  return { writes, kept: kept.length };
}
