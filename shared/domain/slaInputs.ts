import type { IncidentEvent } from '../sla/policy';
import { DAY_MS, localDayIndex, utcToLocal } from '../sla/zone';
import type { Contract } from './contract';
import type { Incident } from './incident';
import type { TimelineEntry } from './lifecycle';

/**
 * What the SLA clocks are computed from, the same on the laptop and the office server: the
 * contract version in force when the incident opened, and the incident's timeline.
 */

/**
 * The version in force at `openedAt` among a client's versions (any order), or null: best effort.
 * The newest version (by `effectiveFrom`, then `createdAt`) whose first day has begun, in its own
 * time zone, when the incident opened. One pass, no sort: a list page asks this once per row.
 */
export function contractInForce<C extends Pick<Contract, 'effectiveFrom' | 'createdAt' | 'terms'>>(
  versions: readonly C[],
  openedAt: string,
): C | null {
  const ms = Date.parse(openedAt);
  let best: C | null = null;
  for (const c of versions) {
    if (best && (c.effectiveFrom < best.effectiveFrom || (c.effectiveFrom === best.effectiveFrom && c.createdAt <= best.createdAt)))
      continue;
    // The local day's midnight read as UTC against the version's date (parsed as UTC midnight).
    if (localDayIndex(utcToLocal(c.terms.timeZone, ms)) * DAY_MS >= Date.parse(c.effectiveFrom)) best = c;
  }
  return best;
}

/** The clock events of an incident: its opening (with its first priority) and its timeline. */
/** What of a timeline entry the clocks read. */
export type ClockEntry = Pick<TimelineEntry, 'at' | 'data'>;

export function incidentEvents(incident: Pick<Incident, 'openedAt' | 'priority'>, timeline: readonly ClockEntry[]): IncidentEvent[] {
  const firstPriority = timeline.find((e) => e.data.kind === 'priority');
  const initial = firstPriority?.data.kind === 'priority' ? firstPriority.data.from : incident.priority;
  const events: IncidentEvent[] = [{ kind: 'opened', at: Date.parse(incident.openedAt), priority: initial }];
  for (const entry of timeline) {
    const at = Date.parse(entry.at);
    switch (entry.data.kind) {
      case 'status':
        events.push({ kind: 'status', at, to: entry.data.to });
        break;
      case 'priority':
        events.push({ kind: 'priority', at, to: entry.data.to });
        break;
      case 'reply':
        events.push({ kind: 'reply', at, clientVisible: true });
        break;
      case 'note':
      case 'assign':
      case 'category':
      case 'mergedInto':
      case 'mergedFrom':
        break;
    }
  }
  return events;
}
