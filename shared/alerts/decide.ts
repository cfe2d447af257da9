import { isOpenStatus } from '../domain/lifecycle';
import type { IncidentStatus } from '../domain/incident';
import type { NormalizedAlert } from './normalized';
import type { ResolvePolicy } from './routing';
import type { AlertSettings } from './settings';

/**
 * What one alert delivery does, decided from the alert's stored state (pure; the server loads the
 * rows and runs the actions as mutations, server/alerts/process.ts). Dedup is by (integration,
 * fingerprint): a delivery that changes nothing does nothing, so the two halves of an
 * Alertmanager HA pair cost one incident. State changes are counted in a sliding window; enough of
 * them mark the alert as flapping, which holds the incident open and silences per-change notes.
 */

export interface AlertState {
  incidentId: string | null;
  status: 'firing' | 'resolved';
  /** When the status last changed (or the state was first seen), epoch ms. */
  lastChangeAt: number;
  /** Status changes within the flap window, epoch ms, oldest first. */
  changes: number[];
  flapping: boolean;
  groupKey: string | null;
}

export type AlertNoteKey = 'firingAgain' | 'resolved' | 'autoResolved' | 'grouped' | 'flapping' | 'flapEnded';

export type AlertAction = { kind: 'create' } | { kind: 'note'; note: AlertNoteKey } | { kind: 'resolve' } | { kind: 'reopen' };

export interface DecideInput {
  alert: NormalizedAlert;
  state: AlertState | undefined;
  /** The incident the state points to, if it still exists. */
  incident: { id: string; status: IncidentStatus } | null;
  /** An open incident of the alert's group touched within the group window (firing alerts only). */
  groupIncidentId: string | null;
  /** Whether other alerts on the same incident still fire (resolved alerts only). */
  siblingsFiring: boolean;
  resolvePolicy: ResolvePolicy;
  settings: Pick<AlertSettings, 'flapChanges' | 'flapWindowMs'>;
  now: number;
}

export interface Decision {
  actions: AlertAction[];
  /** The state to store; when an action is `create`, the host fills in the new incident's id. */
  next: AlertState;
}

export function decide(input: DecideInput): Decision {
  const { alert, state, incident, settings, now } = input;
  const changed = state !== undefined && state.status !== alert.status;
  const changes = (state?.changes ?? []).filter((t) => now - t < settings.flapWindowMs);
  if (changed) changes.push(now);
  const kept = changes.slice(-2 * settings.flapChanges);
  const flapping = kept.length >= settings.flapChanges;
  const startedFlapping = flapping && !state?.flapping;
  const stoppedFlapping = !flapping && state?.flapping === true;
  const next: AlertState = {
    incidentId: state?.incidentId ?? null,
    status: alert.status,
    lastChangeAt: changed || !state ? now : state.lastChangeAt,
    changes: kept,
    flapping,
    groupKey: alert.groupKey ?? state?.groupKey ?? null,
  };
  const flapNote: AlertAction[] = startedFlapping
    ? [{ kind: 'note', note: 'flapping' }]
    : stoppedFlapping
      ? [{ kind: 'note', note: 'flapEnded' }]
      : [];
  const open = incident !== null && isOpenStatus(incident.status);

  if (alert.status === 'firing') {
    if (open) {
      if (!changed) return { actions: flapNote, next };
      if (flapping) return { actions: flapNote, next };
      return { actions: [...flapNote, { kind: 'note', note: 'firingAgain' }], next };
    }
    // A person resolved or closed the incident while the alert still fires: their call holds until the alert changes.
    if (incident && !changed) return { actions: [], next };
    const recentlyResolved = incident?.status === 'resolved' && state !== undefined && now - state.lastChangeAt <= settings.flapWindowMs;
    if (incident && incident.status === 'resolved' && (flapping || recentlyResolved)) {
      return {
        actions: [{ kind: 'reopen' }, ...(startedFlapping ? flapNote : [{ kind: 'note' as const, note: 'firingAgain' as const }])],
        next,
      };
    }
    if (input.groupIncidentId) {
      return { actions: [{ kind: 'note', note: 'grouped' }], next: { ...next, incidentId: input.groupIncidentId } };
    }
    return { actions: [{ kind: 'create' }], next: { ...next, incidentId: null } };
  }

  // Resolved. A repeat of it matters only when it ends a flapping spell: the incident held open then resolves.
  if (!state || !incident || !(changed || stoppedFlapping) || !open) return { actions: [], next };
  if (flapping) return { actions: flapNote, next };
  if (input.resolvePolicy === 'annotate' || input.siblingsFiring) {
    return { actions: [...flapNote, { kind: 'note', note: 'resolved' }], next };
  }
  return { actions: [...flapNote, { kind: 'note', note: 'autoResolved' }, { kind: 'resolve' }], next };
}
