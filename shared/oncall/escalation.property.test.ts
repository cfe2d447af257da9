import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EscalationPolicy, EscalationTarget } from '../domain/oncall';
import { type EscalationState, type Position, afterAction, nextEscalationAction } from './escalation';
import { M } from './testSupport';

const T0 = Date.UTC(2026, 5, 1);
const target: fc.Arbitrary<EscalationTarget> = fc.oneof(
  fc.record({ kind: fc.constant('schedule' as const), id: fc.constantFrom('s0', 's1', 's2') }),
  fc.record({ kind: fc.constant('engineer' as const), id: fc.constantFrom('e0', 'e1') }),
);
const policy: fc.Arbitrary<EscalationPolicy> = fc.record({
  id: fc.constant('p'),
  name: fc.constant('Policy'),
  repeat: fc.integer({ min: 0, max: 3 }),
  steps: fc.array(fc.record({ delayMinutes: fc.integer({ min: 0, max: 30 }), targets: fc.array(target, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 4 }),
});
/** Schedules that have somebody on call or not, changing every few minutes, the same for the same instant. */
const coverage = fc.array(fc.boolean(), { minLength: 64, maxLength: 64 });
const order = (p: Position) => p.pass * 100 + p.step;

describe('escalation properties', () => {
  it('never pages a position twice, never skips a step that has somebody, and moves forward in time', () => {
    fc.assert(
      fc.property(policy, coverage, fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 60, maxLength: 60 }), fc.option(fc.integer({ min: 0, max: 200 })), (p, cover, lateness, ackAfter) => {
        const resolve = (t: EscalationTarget, at: number) => {
          if (t.kind === 'engineer') return [t.id];
          const slot = Math.floor((at - T0) / (7 * M)) * 3 + Number(t.id.slice(1));
          return cover[slot % cover.length] ? [`${t.id}-oncall`] : [];
        };
        let state: EscalationState = { status: 'open', startedAt: T0, last: null };
        let now = T0;
        const pages: { position: Position; at: number }[] = [];
        for (let i = 0; i < 60; i++) {
          if (ackAfter !== null && now >= T0 + ackAfter * M) state = { ...state, status: 'acknowledged' };
          const action = nextEscalationAction(p, state, now, resolve);
          if (action.kind === 'ended') {
            expect(state.status).toBe('acknowledged');
            break;
          }
          if (action.kind === 'wait') {
            expect(action.dueAt).toBeGreaterThan(now);
            now = action.dueAt + lateness[i]! * 1000;
            continue;
          }
          for (const skipped of action.skipped) {
            // Skipped at once (no wait), and only when every target of that step had nobody then.
            for (const t of p.steps[skipped.step]!.targets) expect(resolve(t, now)).toEqual([]);
          }
          if (action.kind === 'exhausted') break;
          expect(action.engineerIds.length).toBeGreaterThan(0);
          expect(action.at).toBe(now);
          const prev = pages[pages.length - 1];
          if (prev) {
            expect(order(action.position)).toBeGreaterThan(order(prev.position));
            expect(action.at).toBeGreaterThanOrEqual(prev.at + p.steps[prev.position.step]!.delayMinutes * M);
          }
          // Every position between the previous page and this one was skipped, none left out.
          const after = (q: Position) => (q.step + 1 < p.steps.length ? order(q) + 1 : (q.pass + 1) * 100);
          const taken = [...action.skipped, action.position];
          expect(order(taken[0]!)).toBe(prev ? after(prev.position) : 0);
          taken.slice(1).forEach((q, j) => expect(order(q)).toBe(after(taken[j]!)));
          pages.push({ position: action.position, at: action.at });
          state = afterAction(state, action);
          now = action.nextDueAt + lateness[i]! * 1000;
        }
        expect(new Set(pages.map((x) => order(x.position))).size).toBe(pages.length);
        expect(pages.length).toBeLessThanOrEqual(p.steps.length * (p.repeat + 1));
      }),
      { numRuns: 500 },
    );
  });
});
