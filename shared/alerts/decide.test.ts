import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IncidentStatus } from '../domain/incident';
import { type AlertState, decide } from './decide';
import type { NormalizedAlert } from './normalized';
import { ALERT_SETTINGS_DEFAULTS } from './settings';

const alert = (status: 'firing' | 'resolved'): NormalizedAlert => ({
  source: 'alertmanager',
  fingerprint: 'f',
  status,
  title: 'T',
  description: '',
  labels: {},
  annotations: {},
  severity: null,
  startsAt: 0,
  endsAt: null,
  groupKey: null,
});

/** Replays deliveries of one alert against a model of its incident, as server/alerts/process.ts runs them. */
function replay(deliveries: { status: 'firing' | 'resolved'; gapMs: number }[]) {
  let state: AlertState | undefined;
  let incident: { id: string; status: IncidentStatus } | null = null;
  let now = 0;
  const counts = { create: 0, resolve: 0, reopen: 0, note: 0 };
  for (const d of deliveries) {
    now += d.gapMs;
    const { actions, next } = decide({
      alert: alert(d.status),
      state,
      incident,
      groupIncidentId: null,
      siblingsFiring: false,
      resolvePolicy: 'resolve',
      settings: ALERT_SETTINGS_DEFAULTS,
      now,
    });
    for (const a of actions) {
      counts[a.kind] += 1;
      if (a.kind === 'create') incident = { id: `i${counts.create}`, status: 'new' };
      if (a.kind === 'resolve') incident = { ...incident!, status: 'resolved' };
      if (a.kind === 'reopen') incident = { ...incident!, status: 'in_progress' };
    }
    state = { ...next, incidentId: incident?.id ?? null };
  }
  return { counts, incident, state };
}

const delivery = (maxGap: number) =>
  fc.record({ status: fc.constantFrom('firing' as const, 'resolved' as const), gapMs: fc.integer({ min: 0, max: maxGap }) });

describe('alert decisions (docs/alerts-routing.md)', () => {
  it('within one flap window: at most one incident, and at most flapChanges resolves and reopens, whatever the deliveries', () => {
    const window = ALERT_SETTINGS_DEFAULTS.flapWindowMs;
    fc.assert(
      fc.property(fc.array(delivery(window / 200), { maxLength: 150 }), (ds) => {
        const { counts } = replay(ds);
        expect(counts.create).toBeLessThanOrEqual(1);
        expect(counts.resolve + counts.reopen).toBeLessThanOrEqual(ALERT_SETTINGS_DEFAULTS.flapChanges);
      }),
    );
  });

  it('the incident ends as the last delivery says once deliveries are sparse (no flapping)', () => {
    const sparse = ALERT_SETTINGS_DEFAULTS.flapWindowMs + 1;
    fc.assert(
      fc.property(fc.array(delivery(0), { minLength: 1, maxLength: 30 }), (ds) => {
        const { incident, state } = replay(ds.map((d) => ({ ...d, gapMs: sparse })));
        expect(state!.flapping).toBe(false);
        if (incident) expect(incident.status === 'resolved').toBe(ds.at(-1)!.status === 'resolved');
      }),
    );
  });

  it('a repeated delivery does nothing', () => {
    const first = decide({
      alert: alert('firing'),
      state: undefined,
      incident: null,
      groupIncidentId: null,
      siblingsFiring: false,
      resolvePolicy: 'resolve',
      settings: ALERT_SETTINGS_DEFAULTS,
      now: 1,
    });
    expect(first.actions).toEqual([{ kind: 'create' }]);
    const again = decide({
      alert: alert('firing'),
      state: { ...first.next, incidentId: 'i' },
      incident: { id: 'i', status: 'acknowledged' },
      groupIncidentId: null,
      siblingsFiring: false,
      resolvePolicy: 'resolve',
      settings: ALERT_SETTINGS_DEFAULTS,
      now: 2,
    });
    expect(again.actions).toEqual([]);
    // Nor when a person resolved the incident while the alert still fires: their call holds.
    const byHand = decide({
      alert: alert('firing'),
      state: { ...first.next, incidentId: 'i' },
      incident: { id: 'i', status: 'resolved' },
      groupIncidentId: null,
      siblingsFiring: false,
      resolvePolicy: 'resolve',
      settings: ALERT_SETTINGS_DEFAULTS,
      now: 3,
    });
    expect(byHand.actions).toEqual([]);
  });
});
