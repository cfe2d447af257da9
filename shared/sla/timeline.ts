import type { IncidentStatus, Priority } from '../domain/incident';
import { VangnetError, missingCase } from '../errors';
import type { IncidentEvent } from './policy';

/** A stretch of wall time; `to === null` means still going at `now`. */
export interface Stretch {
  from: number;
  to: number | null;
}

/**
 * An incident's history folded into what the clocks need: when it opened, when it was first
 * answered, the stretches in which the resolution clock ran, and those spent waiting on the client.
 */
export interface IncidentTimeline {
  openedAt: number;
  /** The effective `now`: never before the opening (see `foldEvents`). */
  now: number;
  priority: Priority;
  status: IncidentStatus;
  respondedAt: number | null;
  /** Set while the incident is resolved or closed: when that last happened. */
  resolvedAt: number | null;
  running: Stretch[];
  waiting: Stretch[];
}

function runs(status: IncidentStatus): boolean {
  return status !== 'waiting_on_client' && status !== 'resolved' && status !== 'closed';
}

function isDone(status: IncidentStatus): boolean {
  return status === 'resolved' || status === 'closed';
}

/**
 * Folds events into a timeline as of `now`. Events later than `now` are ignored, so the same
 * history gives the same clocks at any earlier instant. Events stamped before the opening (clock
 * skew between devices) count as happening at the opening; a `now` before the opening is read as
 * the opening itself rather than failing a screen over a few seconds of skew.
 */
export function foldEvents(events: readonly IncidentEvent[], now: number): IncidentTimeline {
  const opened = events.filter((e) => e.kind === 'opened');
  if (opened.length !== 1)
    throw new VangnetError('invalid_args', `an incident history needs exactly one "opened" event, got ${opened.length}`);
  if (!Number.isFinite(now)) throw new VangnetError('invalid_args', `now must be an epoch-ms instant, got ${now}`);
  const open = opened[0] as Extract<IncidentEvent, { kind: 'opened' }>;
  const openedAt = open.at;
  const cut = Math.max(now, openedAt);
  // A stable sort keeps same-instant events in the order the caller gave (their log order).
  const ordered = events
    .map((e, i) => ({ e, i, at: Math.max(e.at, openedAt) }))
    .filter((x) => x.e.kind !== 'opened' && x.at <= cut)
    .sort((a, b) => a.at - b.at || a.i - b.i);

  const t: IncidentTimeline = {
    openedAt,
    now: cut,
    priority: open.priority,
    status: 'new',
    respondedAt: null,
    resolvedAt: null,
    running: [],
    waiting: [],
  };
  let runFrom: number | null = openedAt;
  let waitFrom: number | null = null;

  const setStatus = (to: IncidentStatus, when: number): void => {
    const from = t.status;
    if (runs(from) && !runs(to) && runFrom !== null) {
      t.running.push({ from: runFrom, to: when });
      runFrom = null;
    } else if (!runs(from) && runs(to)) runFrom = when;
    if (from !== 'waiting_on_client' && to === 'waiting_on_client') waitFrom = when;
    else if (from === 'waiting_on_client' && to !== 'waiting_on_client' && waitFrom !== null) {
      t.waiting.push({ from: waitFrom, to: when });
      waitFrom = null;
    }
    if (to === 'acknowledged' || isDone(to)) t.respondedAt ??= when; // resolving tells the client too
    if (isDone(to)) t.resolvedAt = isDone(from) ? t.resolvedAt : when;
    else t.resolvedAt = null;
    t.status = to;
  };

  for (const { e, at } of ordered) {
    switch (e.kind) {
      case 'status':
        setStatus(e.to, at);
        break;
      case 'resolved':
        setStatus('resolved', at);
        break;
      case 'reopened':
        setStatus(e.to ?? 'in_progress', at);
        break;
      case 'reply':
        if (e.clientVisible) t.respondedAt ??= at;
        break;
      case 'priority':
        t.priority = e.to;
        break;
      case 'opened':
        break;
      default:
        missingCase(e);
    }
  }
  if (runFrom !== null) t.running.push({ from: runFrom, to: null });
  if (waitFrom !== null) t.waiting.push({ from: waitFrom, to: null });
  return t;
}
