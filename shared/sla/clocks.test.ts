import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRIORITIES } from '../domain/incident';
import { VangnetError } from '../errors';
import { computeClocks } from './clocks';
import type { IncidentEvent, SlaPolicy } from './policy';
import { parsePolicy } from './policy';
import { compileAlways, compileOffice, testPolicy } from './testSupport';

/**
 * Hand-worked clocks. Business hours are Mon–Fri 08:30–17:30 Amsterdam with NL holidays; P1 runs
 * 24/7 (response 1 h, resolution 4 h), P2 on business hours (2 h, 10 h), P3 (8 h, 40 h), P4 has no
 * targets. January 2025: Monday 6, Thursday 9, Friday 10, Saturday 11, Monday 13.
 */
const H = 3_600_000;
const M = 60_000;
const t = (local: string) => Date.parse(`${local}+01:00`);
const calendars = { business: compileOffice(), '24/7': compileAlways() };
const policy = testPolicy();

function clocks(events: IncidentEvent[], now: string, p: SlaPolicy = policy) {
  return computeClocks({ policy: p, calendars, events, now: t(now) });
}

describe('response clock', () => {
  const opened: IncidentEvent = { kind: 'opened', at: t('2025-01-11T10:00'), priority: 'P1' };

  it('runs 24/7 for P1: at risk after 45 minutes, breached after 60', () => {
    const early = clocks([opened], '2025-01-11T10:30').response;
    expect(early).toMatchObject({
      state: 'ok',
      elapsedMs: 30 * M,
      remainingMs: 30 * M,
      dueAt: t('2025-01-11T11:00'),
      atRiskAt: t('2025-01-11T10:45'),
    });
    expect(clocks([opened], '2025-01-11T10:50').response.state).toBe('at_risk');
    expect(clocks([opened], '2025-01-11T11:05').response).toMatchObject({
      state: 'breached',
      breachedAt: t('2025-01-11T11:00'),
      remainingMs: -5 * M,
    });
  });

  it('is met by an acknowledgement, a client-visible reply or the resolution, not by an internal note', () => {
    const ack = clocks([opened, { kind: 'status', at: t('2025-01-11T10:40'), to: 'acknowledged' }], '2025-01-11T12:00').response;
    expect(ack).toMatchObject({ state: 'met', elapsedMs: 40 * M, stoppedAt: t('2025-01-11T10:40'), dueAt: null, running: false });
    const replies: IncidentEvent[] = [
      opened,
      { kind: 'reply', at: t('2025-01-11T10:10'), clientVisible: false },
      { kind: 'reply', at: t('2025-01-11T10:20'), clientVisible: true },
    ];
    expect(clocks(replies, '2025-01-11T12:00').response).toMatchObject({ state: 'met', elapsedMs: 20 * M });
    expect(clocks([opened, { kind: 'resolved', at: t('2025-01-11T10:50') }], '2025-01-11T12:00').response.stoppedAt).toBe(
      t('2025-01-11T10:50'),
    );
  });

  it('starts counting at the next opening on a business calendar', () => {
    const p2 = clocks([{ ...opened, priority: 'P2' }], '2025-01-11T12:00').response;
    expect(p2).toMatchObject({ state: 'ok', elapsedMs: 0, dueAt: t('2025-01-13T10:30'), atRiskAt: t('2025-01-13T10:00') });
  });

  it('is not paused by waiting on the client', () => {
    const events: IncidentEvent[] = [opened, { kind: 'status', at: t('2025-01-11T10:10'), to: 'waiting_on_client' }];
    expect(clocks(events, '2025-01-11T11:10').response).toMatchObject({ state: 'breached', breachedAt: t('2025-01-11T11:00') });
  });
});

describe('resolution clock', () => {
  it('pauses while waiting on the client, over a weekend, and resumes where it stood', () => {
    const events: IncidentEvent[] = [
      { kind: 'opened', at: t('2025-01-09T09:30'), priority: 'P2' },
      { kind: 'status', at: t('2025-01-09T09:45'), to: 'acknowledged' },
      { kind: 'status', at: t('2025-01-10T09:30'), to: 'waiting_on_client' }, // 8 h Thu + 1 h Fri used
      { kind: 'status', at: t('2025-01-13T10:30'), to: 'in_progress' }, // paused Fri 8 h + Mon 2 h of business time
    ];
    expect(clocks(events.slice(0, 3), '2025-01-11T12:00').resolution).toMatchObject({
      state: 'paused',
      elapsedMs: 9 * H,
      remainingMs: H,
      dueAt: null,
      pausedMs: 8 * H,
      running: false,
    });
    const resumed = clocks(events, '2025-01-13T11:00').resolution;
    expect(resumed).toMatchObject({
      state: 'at_risk',
      elapsedMs: 9.5 * H,
      dueAt: t('2025-01-13T11:30'),
      pausedMs: 10 * H,
      atRiskAt: t('2025-01-09T17:00'),
    });
    expect(resumed.pauses).toEqual([{ from: t('2025-01-10T09:30'), to: t('2025-01-13T10:30') }]);
    expect(clocks(events.slice(0, 2), '2025-01-10T09:00').resolution.dueAt).toBe(t('2025-01-10T10:30')); // without the pause
  });

  it('stops on resolution and resumes, not restarts, on reopen', () => {
    const events: IncidentEvent[] = [
      { kind: 'opened', at: t('2025-01-06T09:30'), priority: 'P2' },
      { kind: 'resolved', at: t('2025-01-06T15:30') },
      { kind: 'status', at: t('2025-01-07T09:00'), to: 'closed' },
      { kind: 'reopened', at: t('2025-01-08T10:00') },
    ];
    const resolved = clocks(events.slice(0, 3), '2025-01-07T12:00');
    expect(resolved.status).toBe('closed');
    expect(resolved.resolution).toMatchObject({ state: 'met', elapsedMs: 6 * H, stoppedAt: t('2025-01-06T15:30'), dueAt: null });
    // Nobody answered before resolving: the resolution is the response, 4 h late.
    expect(resolved.response).toMatchObject({ state: 'breached', breachedAt: t('2025-01-06T11:30'), stoppedAt: t('2025-01-06T15:30') });
    const reopened = clocks(events, '2025-01-08T12:00');
    expect(reopened.status).toBe('in_progress');
    expect(reopened.resolution).toMatchObject({
      state: 'at_risk',
      elapsedMs: 8 * H,
      remainingMs: 2 * H,
      dueAt: t('2025-01-08T14:00'),
      atRiskAt: t('2025-01-08T11:30'),
      stoppedAt: null,
    });
  });

  it('recomputes from the opening with the full pause history when the priority changes', () => {
    const base: IncidentEvent[] = [
      { kind: 'opened', at: t('2025-01-06T09:30'), priority: 'P3' },
      { kind: 'status', at: t('2025-01-06T10:00'), to: 'acknowledged' },
      { kind: 'status', at: t('2025-01-06T11:30'), to: 'waiting_on_client' },
      { kind: 'status', at: t('2025-01-07T10:30'), to: 'in_progress' },
    ];
    const p2 = clocks([...base, { kind: 'priority', at: t('2025-01-07T12:00'), to: 'P2' }], '2025-01-07T14:00');
    expect(p2.priority).toBe('P2');
    // 10 h: 2 h Monday, then 7 h Tuesday from 10:30, then 1 h Wednesday.
    expect(p2.resolution).toMatchObject({
      state: 'ok',
      targetMs: 10 * H,
      elapsedMs: 5.5 * H,
      dueAt: t('2025-01-08T09:30'),
      atRiskAt: t('2025-01-07T16:00'),
      pausedMs: 8 * H,
    });
    expect(p2.response).toMatchObject({ state: 'met', targetMs: 2 * H, elapsedMs: 30 * M });

    // P1 runs 24/7 for 4 h: 2 h on Monday, then 2 h from Tuesday 10:30: breached at 12:30.
    const p1 = clocks([...base, { kind: 'priority', at: t('2025-01-07T12:00'), to: 'P1' }], '2025-01-07T14:00').resolution;
    expect(p1).toMatchObject({
      state: 'breached',
      calendar: '24/7',
      breachedAt: t('2025-01-07T12:30'),
      elapsedMs: 5.5 * H,
      remainingMs: -1.5 * H,
    });

    const p4 = clocks([...base, { kind: 'priority', at: t('2025-01-07T12:00'), to: 'P4' }], '2025-01-07T14:00');
    expect([p4.response.state, p4.resolution.state, p4.resolution.dueAt, p4.resolution.remainingMs]).toEqual(['none', 'none', null, null]);
  });

  it('is met when resolved exactly at the due instant and breached a millisecond later', () => {
    const opened: IncidentEvent = { kind: 'opened', at: t('2025-01-11T10:00'), priority: 'P1' };
    expect(clocks([opened, { kind: 'resolved', at: t('2025-01-11T14:00') }], '2025-01-11T15:00').resolution.state).toBe('met');
    const late = clocks([opened, { kind: 'resolved', at: t('2025-01-11T14:00') + 1 }], '2025-01-11T15:00').resolution;
    expect(late).toMatchObject({ state: 'breached', breachedAt: t('2025-01-11T14:00'), stoppedAt: t('2025-01-11T14:00') + 1 });
  });

  it('paused exactly at the due instant is not breached until work resumes', () => {
    const events: IncidentEvent[] = [
      { kind: 'opened', at: t('2025-01-11T10:00'), priority: 'P1' },
      { kind: 'status', at: t('2025-01-11T14:00'), to: 'waiting_on_client' },
      { kind: 'status', at: t('2025-01-11T16:00'), to: 'in_progress' },
    ];
    expect(clocks(events, '2025-01-11T15:00').resolution).toMatchObject({ state: 'paused', remainingMs: 0 });
    expect(clocks(events, '2025-01-11T16:30').resolution).toMatchObject({ state: 'breached', breachedAt: t('2025-01-11T16:00') });
  });

  it('breached on a Friday evening stays breached over the weekend', () => {
    // P2 10 h from Thu 09:30: 8 h Thu, 2 h Fri → due Fri 10:30; still running on Saturday.
    const c = clocks([{ kind: 'opened', at: t('2025-01-09T09:30'), priority: 'P2' }], '2025-01-11T12:00').resolution;
    expect(c).toMatchObject({ state: 'breached', breachedAt: t('2025-01-10T10:30'), remainingMs: -7 * H });
  });

  it('honours a configured at-risk rule', () => {
    const strict = parsePolicy({ ...policy, atRisk: { fraction: 1, leadMinutes: 30 } });
    const c = clocks([{ kind: 'opened', at: t('2025-01-11T10:00'), priority: 'P1' }], '2025-01-11T10:35', strict).response;
    expect(c).toMatchObject({ state: 'at_risk', atRiskAt: t('2025-01-11T10:30') });
  });
});

describe('history and input rules', () => {
  const opened: IncidentEvent = { kind: 'opened', at: t('2025-01-11T10:00'), priority: 'P1' };

  it('ignores events after now and reads events before the opening as at the opening', () => {
    expect(clocks([opened, { kind: 'resolved', at: t('2025-01-11T12:00') }], '2025-01-11T11:00').resolution.state).toBe('ok');
    const skewed = clocks([opened, { kind: 'status', at: t('2025-01-11T09:59'), to: 'acknowledged' }], '2025-01-11T11:00').response;
    expect(skewed).toMatchObject({ state: 'met', elapsedMs: 0, stoppedAt: t('2025-01-11T10:00') });
    expect(clocks([opened], '2025-01-11T09:00')).toMatchObject({ now: t('2025-01-11T10:00'), resolution: { elapsedMs: 0, state: 'ok' } });
  });

  it('refuses a history without exactly one opening, and a target on an undefined calendar', () => {
    expect(() => clocks([], '2025-01-11T11:00')).toThrow(VangnetError);
    expect(() => clocks([opened, opened], '2025-01-11T11:00')).toThrow(/exactly one "opened"/);
    const odd = parsePolicy({
      ...policy,
      targets: { ...policy.targets, P1: { response: { minutes: 5, calendar: 'night' }, resolution: null } },
    });
    expect(() => clocks([opened], '2025-01-11T11:00', odd)).toThrow(/calendar "night"/);
  });

  it('refuses negative or zero targets with a clear message', () => {
    const bad = { ...policy, targets: { ...policy.targets, P2: { response: { minutes: -5, calendar: 'business' }, resolution: null } } };
    expect(() => parsePolicy(bad)).toThrow(/targets\.P2\.response\.minutes: must be a positive number of minutes/);
  });
});

describe('clock properties', () => {
  const start = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 11, 1) });
  const hours = (max: number) => fc.integer({ min: 0, max: max * H });
  const priority = fc.constantFrom(...PRIORITIES.filter((p) => p !== 'P4'));

  it('a pause only ever moves the due instant later', () => {
    fc.assert(
      fc.property(start, priority, hours(30), hours(100), hours(60), (opened, p, before, pause, after) => {
        const open: IncidentEvent = { kind: 'opened', at: opened, priority: p };
        const pausedAt = opened + before;
        const resumedAt = pausedAt + pause;
        const now = resumedAt + after;
        const plain = computeClocks({ policy, calendars, events: [open], now }).resolution;
        const paused = computeClocks({
          policy,
          calendars,
          events: [open, { kind: 'status', at: pausedAt, to: 'waiting_on_client' }, { kind: 'status', at: resumedAt, to: 'in_progress' }],
          now,
        }).resolution;
        expect(paused.dueAt!).toBeGreaterThanOrEqual(plain.dueAt!);
        expect(paused.elapsedMs).toBeLessThanOrEqual(plain.elapsedMs);
        expect(paused.elapsedMs + paused.pausedMs).toBe(plain.elapsedMs);
      }),
      { numRuns: 500 },
    );
  });

  it('clocks at an instant do not depend on events after it', () => {
    fc.assert(
      fc.property(start, priority, hours(50), hours(50), (opened, p, toNow, toLater) => {
        const open: IncidentEvent = { kind: 'opened', at: opened, priority: p };
        const now = opened + toNow;
        const later: IncidentEvent[] = [
          { kind: 'status', at: now + toLater + 1, to: 'waiting_on_client' },
          { kind: 'resolved', at: now + toLater + 2 },
        ];
        expect(computeClocks({ policy, calendars, events: [open, ...later], now })).toEqual(
          computeClocks({ policy, calendars, events: [open], now }),
        );
      }),
      { numRuns: 300 },
    );
  });
});
