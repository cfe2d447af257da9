import type { IncidentEvent } from '../sla/policy';
import type { Contract } from './contract';
import type { Incident } from './incident';
import type { TimelineEntry } from './lifecycle';

/**
 * What the SLA clocks are computed from, the same on the laptop and the office server: the
 * contract version in force when the incident opened, and the incident's timeline.
 */

// Building an Intl formatter costs far more than using one: keep one per zone.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The local date of an instant in a time zone, YYYY-MM-DD (how contract versions are dated). */
export function localDateOf(ms: number, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format.format(ms);
}

/** The version in force at `openedAt` among a client's versions (any order), or null: best effort. */
export function contractInForce<C extends Pick<Contract, 'effectiveFrom' | 'createdAt' | 'terms'>>(
  versions: readonly C[],
  openedAt: string,
): C | null {
  const ms = Date.parse(openedAt);
  const newestFirst = [...versions].sort((a, b) =>
    a.effectiveFrom === b.effectiveFrom ? b.createdAt.localeCompare(a.createdAt) : b.effectiveFrom.localeCompare(a.effectiveFrom),
  );
  return newestFirst.find((c) => localDateOf(ms, c.terms.timeZone) >= c.effectiveFrom) ?? null;
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
        break;
    }
  }
  return events;
}
