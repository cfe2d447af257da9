import { describe, expect, it } from 'vitest';
import { recordingNotifier } from '../../shared/shell/notifier';
import type { RpcTarget } from './engineHost';
import { parentPortNotifier } from './utilityMain';
import { followSlaAlerts } from './slaAlerts';

const alert = { clientId: 'c1', clientCode: 'BAKK', clientName: 'Bakkerij de Vries', thresholdPercent: 10, remainingMinutes: 270, overrunMinutes: 0 };

/** A prepaid threshold reaches the shell's Notifier, and over the parent port Electron main (coreProcess.ts). */
describe('budget alerts reach the Notifier', () => {
  it('passes each budget.alert to notifyBudget, and the parent port carries it as its own message', async () => {
    let listener: ((name: string, payload: unknown) => void) | null = null;
    const target: RpcTarget = {
      call: () => Promise.resolve({ ok: true, value: { total: 0 } }),
      subscribe: (l) => {
        listener = l as typeof listener;
        return () => (listener = null);
      },
    };
    const notifier = recordingNotifier();
    const follow = followSlaAlerts(target, notifier);
    listener!('budget.alert', alert);
    await follow.settled();
    expect(notifier.budgets).toEqual([alert]);
    expect(notifier.alerts).toEqual([]);
    follow.stop();

    const posted: unknown[] = [];
    parentPortNotifier({ postMessage: (m: unknown) => posted.push(m) }).notifyBudget(alert);
    expect(posted).toEqual([{ kind: 'budget.alert', alert }]);
  });
});
