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
  let open: Extract<IncidentEvent, { kind: 'opened' }> | null = null;
  let openings = 0;
  for (const e of events)
    if (e.kind === 'opened') {
      open = e;
      openings++;
    }
  if (!open || openings !== 1)
    throw new VangnetError('invalid_args', 'sla.history', { count: openings });
  if (!Number.isFinite(now)) throw new VangnetError('invalid_args', 'sla.now', { now: String(now) });
  const openedAt = open.at;
  const cut = Math.max(now, openedAt);
  // Events in time order; same-instant events keep the order the caller gave (their log order):
  // the sort is stable, and skipped when the events came in order (as a timeline does).
  const ordered: { e: IncidentEvent; at: number }[] = [];
  let inOrder = true;
  for (const e of events) {
    const at = Math.max(e.at, openedAt);
    if (e.kind === 'opened' || at > cut) continue;
    if (ordered.length && at < (ordered[ordered.length - 1] as { at: number }).at) inOrder = false;
    ordered.push({ e, at });
  }
  if (!inOrder) ordered.sort((a, b) => a.at - b.at);

  const fold: Fold = {
    t: { openedAt, now: cut, priority: open.priority, status: 'new', respondedAt: null, resolvedAt: null, running: [], waiting: [] },
    runFrom: openedAt,
    waitFrom: null,
  };
  const { t } = fold;
  for (const { e, at } of ordered) {
    switch (e.kind) {
      case 'status':
        setStatus(fold, e.to, at);
        break;
      case 'resolved':
        setStatus(fold, 'resolved', at);
        break;
      case 'reopened':
        setStatus(fold, e.to ?? 'in_progress', at);
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
  if (fold.runFrom !== null) t.running.push({ from: fold.runFrom, to: null });
  if (fold.waitFrom !== null) t.waiting.push({ from: fold.waitFrom, to: null });
  return t;
}

/** The timeline being folded, with the open run and the open wait. */
interface Fold {
  t: IncidentTimeline;
  runFrom: number | null;
  waitFrom: number | null;
}

function setStatus(fold: Fold, to: IncidentStatus, when: number): void {
  const { t } = fold;
  const from = t.status;
  if (runs(from) && !runs(to) && fold.runFrom !== null) {
    t.running.push({ from: fold.runFrom, to: when });
    fold.runFrom = null;
  } else if (!runs(from) && runs(to)) fold.runFrom = when;
  if (from !== 'waiting_on_client' && to === 'waiting_on_client') fold.waitFrom = when;
  else if (from === 'waiting_on_client' && to !== 'waiting_on_client' && fold.waitFrom !== null) {
    t.waiting.push({ from: fold.waitFrom, to: when });
    fold.waitFrom = null;
  }
  if (to === 'acknowledged' || isDone(to)) t.respondedAt ??= when; // resolving tells the client too
  if (isDone(to)) t.resolvedAt = isDone(from) ? t.resolvedAt : when;
  else t.resolvedAt = null;
  t.status = to;
}
