import { afterEach, describe, expect, it } from 'vitest';
import { contractTemplate } from '../../shared/domain/contract';
import { recordingNotifier } from '../../shared/shell/notifier';
import type { Engine } from '../engine/engine';
import { testEngine } from '../testSupport';
import { engineTarget } from './engineHost';
import { followSlaAlerts } from './slaAlerts';

/** Tuesday 23 December 2025, 16:00 in Amsterdam. */
const T0 = Date.parse('2025-12-23T15:00:00Z');
const MINUTE = 60_000;

let engine: Engine | undefined;
afterEach(() => engine?.close());

async function call<T>(name: string, args: unknown): Promise<T> {
  const result = await engineTarget(engine!).call(name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

describe('SLA alerts reach the Notifier', () => {
  it('notifies amber then red once per clock transition, and the level follows the worst open clock', async () => {
    const made = testEngine(T0);
    engine = made.engine;
    const notifier = recordingNotifier();
    const follow = followSlaAlerts(engineTarget(engine), notifier);
    const client = await call<{ id: string }>('clients.create', { name: 'Drukkerij Peters', code: 'DRUK' });
    await call('contracts.set', { clientId: client.id, effectiveFrom: '2025-01-01', terms: contractTemplate('all_in') });
    // An all-in P2: its response is due 30 minutes after opening, around the clock.
    const incident = await call<{ id: string }>('incidents.create', { clientId: client.id, title: 'Webshop traag', priority: 'P2' });
    await follow.settled();
    expect(notifier.alerts).toEqual([]);
    expect(notifier.levels).toEqual(['none']);

    // The scheduler's clock runs minute by minute past the breach; each minute it checks again.
    for (let minute = 1; minute <= 35; minute += 1) {
      made.setNow(T0 + minute * MINUTE);
      engine.wake();
      await follow.settled();
    }
    expect(notifier.alerts.map((a) => [a.incidentId, a.kind, a.priority, a.clientCode])).toEqual([
      [incident.id, 'at_risk', 'P2', 'DRUK'],
      [incident.id, 'breached', 'P2', 'DRUK'],
    ]);
    expect(notifier.levels).toEqual(['none', 'amber', 'red']);

    // Checking again without time passing raises nothing new.
    engine.wake();
    await follow.settled();
    expect(notifier.alerts).toHaveLength(2);

    // Resolved, the incident no longer counts: the tray goes quiet without any alert.
    await call('incidents.setStatus', { id: incident.id, to: 'resolved' });
    await follow.settled();
    expect(notifier.levels).toEqual(['none', 'amber', 'red', 'none']);
    expect(notifier.alerts).toHaveLength(2);

    // Stopped, it hears nothing more.
    follow.stop();
    const second = await call<{ id: string }>('incidents.create', { clientId: client.id, title: 'Nog een', priority: 'P2' });
    made.setNow(T0 + 80 * MINUTE);
    engine.wake();
    expect(notifier.alerts.some((a) => a.incidentId === second.id)).toBe(false);
  });
});
