import { describe, expect, it } from 'vitest';
import type { Actor } from '../domain/common';
import { englishBilling } from '../messages/catalog';
import { bundleLedger, type Draw } from './bundle';
import { bundleAlertsDue, hoursText, overrunDecision } from './bundleAlerts';

const THRESHOLDS = [25, 10, 0];
const tenHours = (drawn: number[], more: { id: string; hours: number; purchasedOn: string }[] = []) =>
  bundleLedger({
    purchases: [{ id: 'A', hours: 10, purchasedOn: '2026-01-01' }, ...more],
    draws: drawn.map<Draw>((minutes, i) => ({ id: `d${i}`, ticketId: 'T', minutes, on: '2026-02-01' })),
    asOf: '2026-03-01',
  });
const thresholds = (alerts: ReturnType<typeof bundleAlertsDue>) => alerts.due.map((d) => d.thresholdPercent);

const engineer: Actor = { id: 'e1', name: 'Eva', kind: 'engineer', role: 'engineer' };
const lead: Actor = { id: 'l1', name: 'Lars', kind: 'engineer', role: 'lead' };

describe('bundle thresholds', () => {
  it('notifies nothing above the highest threshold, and 25 % exactly at 25 % left', () => {
    expect(bundleAlertsDue(tenHours([449]), THRESHOLDS, []).due).toEqual([]);
    const at25 = bundleAlertsDue(tenHours([450]), THRESHOLDS, []);
    expect(at25).toMatchObject({ card: 'A', remainingPercent: 25 });
    expect(at25.due).toEqual([{ thresholdPercent: 25, key: 'billing.bundle.threshold', params: { threshold: 25, remaining: '2:30', total: '10:00' } }]);
    expect(englishBilling(at25.due[0]!)).toBe('The prepaid bundle passed 25%: 2:30 of 10:00 hours left');
  });

  it('notifies each threshold once: recorded ones are not due again, a jump past several brings them all', () => {
    const ledger = tenHours([450, 100]);
    expect(thresholds(bundleAlertsDue(ledger, THRESHOLDS, [{ thresholdPercent: 25, purchaseId: 'A' }]))).toEqual([10]);
    expect(thresholds(bundleAlertsDue(ledger, THRESHOLDS, [{ thresholdPercent: 25, purchaseId: 'A' }, { thresholdPercent: 10, purchaseId: 'A' }]))).toEqual([]);
    expect(thresholds(bundleAlertsDue(tenHours([600]), THRESHOLDS, []))).toEqual([25, 10, 0]);
  });

  it('says used up at zero, and how far over when overrun', () => {
    expect(bundleAlertsDue(tenHours([600]), [0], []).due[0]).toMatchObject({ key: 'billing.bundle.empty' });
    const over = bundleAlertsDue(tenHours([630]), [0], []);
    expect(over).toMatchObject({ remainingPercent: 0, due: [{ key: 'billing.bundle.overrun', params: { overrun: '0:30' } }] });
  });

  it('re-arms the thresholds when a newer purchase comes in', () => {
    const topped = tenHours([594], [{ id: 'B', hours: 1, purchasedOn: '2026-02-15' }]);
    // 66 minutes left of the 600 + 60 still holding minutes: exactly 10 %.
    const alerts = bundleAlertsDue(topped, THRESHOLDS, [25, 10].map((t) => ({ thresholdPercent: t, purchaseId: 'A' })));
    expect(alerts).toMatchObject({ card: 'B', remainingPercent: 10 });
    expect(thresholds(alerts)).toEqual([25, 10]);
  });

  it('has nothing to say about an empty ledger, and ignores repeated thresholds', () => {
    expect(bundleAlertsDue(bundleLedger({ purchases: [], draws: [], asOf: '2026-01-01' }), THRESHOLDS, []).due).toEqual([]);
    expect(thresholds(bundleAlertsDue(tenHours([600]), [0, 0, 10], []))).toEqual([10, 0]);
  });

  it('writes hours as h:mm, negative when over', () => {
    expect([hoursText(0), hoursText(5), hoursText(150), hoursText(-30), hoursText(6000)]).toEqual(['0:00', '0:05', '2:30', '-0:30', '100:00']);
  });
});

describe('overrun policy', () => {
  const empty = { balanceMinutes: -30, overrunMinutes: 30 };
  const ask = (over: Partial<Parameters<typeof overrunDecision>[0]>) =>
    overrunDecision({ policy: 'block', ledger: empty, actor: engineer, override: false, clientName: 'Acme', ...over });

  it('allows while minutes are left, whatever the policy', () => {
    expect(ask({ ledger: { balanceMinutes: 1, overrunMinutes: 0 } })).toEqual({ kind: 'allow' });
  });

  it('warns under warn, also at exactly zero', () => {
    expect(ask({ policy: 'warn', ledger: { balanceMinutes: 0, overrunMinutes: 0 } })).toEqual({ kind: 'warn', key: 'billing.overrun.warn', params: { overrun: '0:00' } });
  });

  it('refuses under block with a forbidden error naming the way out, also when an engineer asks to override', () => {
    for (const decision of [ask({}), ask({ override: true })]) {
      expect(decision.kind).toBe('refuse');
      if (decision.kind !== 'refuse') continue;
      expect(decision.error.toInfo()).toMatchObject({ code: 'forbidden', key: 'billing.overrunBlocked', params: { client: 'Acme', overrun: '0:30' } });
      expect(decision.error.message).toContain('a lead overrides');
    }
  });

  it('lets a lead override, returning the text to audit; a lead who does not ask is refused like anyone', () => {
    expect(ask({ actor: lead, override: true })).toEqual({
      kind: 'override',
      key: 'billing.overrun.overridden',
      params: { name: 'Lars', client: 'Acme', overrun: '0:30' },
    });
    expect(ask({ actor: lead }).kind).toBe('refuse');
    expect(ask({ actor: { ...lead, role: 'admin' }, override: true }).kind).toBe('override');
  });
});
