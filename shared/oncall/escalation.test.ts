import { describe, expect, it } from 'vitest';
import { EscalationPolicy, type PolicyAttachment } from '../domain/oncall';
import { type EscalationState, afterAction, nextEscalationAction, policyFor } from './escalation';
import { M } from './testSupport';

const policy = EscalationPolicy.parse({
  id: 'p',
  name: 'Nights',
  repeat: 1,
  steps: [
    { delayMinutes: 10, targets: [{ kind: 'schedule', id: 'primary' }] },
    { delayMinutes: 20, targets: [{ kind: 'engineer', id: 'lead' }, { kind: 'schedule', id: 'primary' }] },
  ],
});
const resolve = (t: { kind: string; id: string }) => (t.kind === 'schedule' ? ['ann'] : [t.id]);
const T0 = Date.UTC(2026, 5, 1, 3, 0);
const open: EscalationState = { status: 'open', startedAt: T0, last: null };

describe('the escalation step machine', () => {
  it('pages step by step after each delay, runs the list `repeat` more times, then is exhausted', () => {
    let state = open;
    const log: string[] = [];
    for (let now = T0; now <= T0 + 120 * M; now += M) {
      const action = nextEscalationAction(policy, state, now, resolve);
      if (action.kind === 'page') log.push(`${(now - T0) / M}m pass ${action.position.pass} step ${action.position.step}: ${action.engineerIds.join(',')}`);
      if (action.kind === 'exhausted') {
        log.push(`${(now - T0) / M}m exhausted`);
        break;
      }
      state = afterAction(state, action);
    }
    expect(log).toEqual([
      '0m pass 0 step 0: ann',
      '10m pass 0 step 1: lead,ann',
      '30m pass 1 step 0: ann',
      '40m pass 1 step 1: lead,ann',
      '60m exhausted',
    ]);
  });

  it('waits until the next step is due, and says which comes next', () => {
    const first = nextEscalationAction(policy, open, T0, resolve);
    const state = afterAction(open, first);
    expect(nextEscalationAction(policy, state, T0 + 9 * M, resolve)).toEqual({ kind: 'wait', dueAt: T0 + 10 * M, position: { pass: 0, step: 1 } });
  });

  it('does nothing once acknowledged or resolved', () => {
    expect(nextEscalationAction(policy, { ...open, status: 'acknowledged' }, T0, resolve)).toEqual({ kind: 'ended', reason: 'acknowledged' });
    expect(nextEscalationAction(policy, { ...open, status: 'resolved' }, T0, resolve)).toEqual({ kind: 'ended', reason: 'resolved' });
  });

  it('is exhausted at once when no step has anybody, naming every skipped step', () => {
    const action = nextEscalationAction(policy, open, T0, () => []);
    expect(action).toEqual({
      kind: 'exhausted',
      skipped: [
        { pass: 0, step: 0 },
        { pass: 0, step: 1 },
        { pass: 1, step: 0 },
        { pass: 1, step: 1 },
      ],
    });
  });

  it('pages late steps at once when the engine was away, each counted from its actual page', () => {
    const state = afterAction(open, nextEscalationAction(policy, open, T0, resolve));
    const late = nextEscalationAction(policy, state, T0 + 50 * M, resolve);
    expect(late).toMatchObject({ kind: 'page', position: { pass: 0, step: 1 }, at: T0 + 50 * M, nextDueAt: T0 + 70 * M });
  });

  it('goes on by the new steps when the policy lost steps during the escalation', () => {
    const state: EscalationState = { ...open, last: { pass: 0, step: 1, at: T0 } };
    const shorter = { ...policy, steps: [policy.steps[0]!] };
    expect(nextEscalationAction(shorter, state, T0, resolve)).toMatchObject({ kind: 'page', position: { pass: 1, step: 0 } });
    expect(nextEscalationAction({ ...shorter, repeat: 0 }, state, T0, resolve)).toEqual({ kind: 'exhausted', skipped: [] });
  });
});

describe('which policy an incident follows', () => {
  const attachments: PolicyAttachment[] = [
    { contractId: 'acme', priority: 'P1', policyId: 'acme-p1' },
    { contractId: 'acme', priority: null, policyId: 'acme-any' },
    { contractId: null, priority: 'P1', policyId: 'all-p1' },
  ];

  it('takes contract and priority, then contract, then priority, then the default', () => {
    expect(policyFor('acme', 'P1', attachments, 'default')).toBe('acme-p1');
    expect(policyFor('acme', 'P3', attachments, 'default')).toBe('acme-any');
    expect(policyFor('globex', 'P1', attachments, 'default')).toBe('all-p1');
    expect(policyFor(null, 'P1', attachments, 'default')).toBe('all-p1');
    expect(policyFor('globex', 'P2', attachments, 'default')).toBe('default');
    expect(policyFor('globex', 'P2', [...attachments, { contractId: null, priority: null, policyId: 'catch-all' }], 'default')).toBe('catch-all');
  });
});
