import { describe, expect, it } from 'vitest';
import { VangnetError } from '../errors';
import { monthStatement } from './statement';
import { contractVersion, purchase, statementInput, timeEntry } from './statementFixture';

describe('month statement', () => {
  it('is an empty statement, not an error, for a month without data', () => {
    const s = monthStatement(statementInput({ entries: [timeEntry({ startedAt: '2026-02-10T09:00:00Z' })] }));
    expect(s.empty).toBe(true);
    expect(s.support).toEqual([]);
    expect(s.supportTotal).toEqual({ rawMinutes: 0, billableRawMinutes: 0, roundedMinutes: 0 });
    expect(s.sla.map((r) => r.incidents)).toEqual([0, 0, 0, 0]);
  });

  it('lists tickets with raw and rounded minutes, category and who worked; change requests apart', () => {
    const s = monthStatement(
      statementInput({
        entries: [
          timeEntry({ minutes: 7 }),
          timeEntry({ minutes: 7, engineerId: 'eng-bram', startedAt: '2026-03-11T09:00:00Z' }),
          timeEntry({ minutes: 20, incidentId: 'i2', billable: false }),
          timeEntry({ minutes: 10, incidentId: null }),
          timeEntry({ minutes: 100, incidentId: 'i3', scope: 'change_request' }),
          timeEntry({ minutes: 50, startedAt: '2026-04-01T09:00:00Z' }), // April: not on March's statement
          timeEntry({ minutes: 30, endedAt: null, runningFor: 'eng-anna' }), // running: not billed yet
        ],
      }),
    );
    expect(s.empty).toBe(false);
    expect(s.support).toEqual([
      { ticketId: 'i1', title: 'SSL certificate expired', category: 'security', scope: 'support', engineers: ['Anna de Boer', 'Bram Visser'], entryCount: 2, rawMinutes: 14, billableRawMinutes: 14, roundedMinutes: 15 },
      expect.objectContaining({ ticketId: 'i2', rawMinutes: 20, billableRawMinutes: 0, roundedMinutes: 0 }),
      expect.objectContaining({ ticketId: null, title: null, rawMinutes: 10, roundedMinutes: 15 }),
    ]);
    expect(s.changeRequests).toEqual([expect.objectContaining({ ticketId: 'i3', category: 'new_functionality', rawMinutes: 100, roundedMinutes: 105 })]);
    expect(s.supportTotal).toEqual({ rawMinutes: 44, billableRawMinutes: 24, roundedMinutes: 30 });
    expect(s.changeRequestTotal.roundedMinutes).toBe(105);
  });

  it('prepaid: balance before and after, purchases, draws and expiry in the month; change requests draw nothing', () => {
    const s = monthStatement(
      statementInput({
        budgetLines: [purchase(600, '2026-01-05'), purchase(120, '2026-02-01', '2026-03-15'), purchase(300, '2026-03-20')],
        entries: [
          timeEntry({ minutes: 60, startedAt: '2026-02-03T09:00:00Z' }),
          timeEntry({ minutes: 50 }),
          timeEntry({ minutes: 500, incidentId: 'i3', scope: 'change_request' }),
        ],
      }),
    );
    // Feb: 720 bought, 60 drawn → 660. March: the Jan purchase pays the 60 (rounded 60); the Feb
    // purchase (120) expires on 16 March untouched; 300 bought.
    expect(s.prepaid).toEqual({ balanceBeforeMinutes: 660, purchasedMinutes: 300, drawnMinutes: 60, expiredMinutes: 120, balanceAfterMinutes: 780, overrunAfterMinutes: 0 });
    expect(s.subscription).toBeNull();
    expect(s.allIn).toBeNull();
  });

  it('rounds the month by the contract version in force on its first day', () => {
    const contracts = [contractVersion('prepaid', '2026-01-01', { billingIncrementMinutes: 15 }), contractVersion('prepaid', '2026-03-10', { billingIncrementMinutes: 60 })];
    const entries = [timeEntry({ minutes: 7 }), timeEntry({ minutes: 7, startedAt: '2026-04-02T09:00:00Z' })];
    expect(monthStatement(statementInput({ contracts, entries })).supportTotal.roundedMinutes).toBe(15);
    const april = monthStatement(statementInput({ contracts, entries, month: '2026-04' }));
    expect([april.incrementMinutes, april.supportTotal.roundedMinutes, april.contractId]).toEqual([60, 60, contracts[1]!.id]);
  });

  it('subscription: included, used and overage priced', () => {
    const contracts = [contractVersion('subscription', '2026-01-01', { hourlyRateCents: 9000, subscription: { monthlyFeeCents: 25_000, includedMinutes: 60 } })];
    const s = monthStatement(statementInput({ contracts, entries: [timeEntry({ minutes: 80 })] }));
    expect(s.subscription).toMatchObject({ includedMinutes: 60, usedMinutes: 90, overageMinutes: 30, overageCents: 4500, totalCents: 29_500 });
    expect(s.prepaid).toBeNull();
  });

  it('all-in: capacity used and the security audit due', () => {
    const contracts = [contractVersion('all_in', '2025-12-01', { allIn: { capacityMinutes: 600, securityAuditEveryMonths: 3 } })];
    const s = monthStatement(statementInput({ contracts, entries: [timeEntry({ minutes: 300 })] }));
    expect(s.allIn).toMatchObject({ capacityMinutes: 600, usedMinutes: 300, usedPercent: 50, audit: { dueMonth: '2026-03', status: 'due' } });
  });

  it('counts SLA met and missed per priority for incidents resolved or due in the month', () => {
    const at = (iso: string) => Date.parse(iso);
    const s = monthStatement(
      statementInput({
        incidents: [
          { incidentId: 'a', priority: 'P1', response: 'met', resolution: 'met', resolvedAt: at('2026-03-05T10:00:00Z'), resolutionDueAt: null },
          { incidentId: 'b', priority: 'P1', response: 'breached', resolution: 'breached', resolvedAt: at('2026-03-06T10:00:00Z'), resolutionDueAt: at('2026-03-06T08:00:00Z') },
          { incidentId: 'c', priority: 'P3', response: 'met', resolution: 'ok', resolvedAt: null, resolutionDueAt: at('2026-03-31T21:00:00Z') },
          { incidentId: 'd', priority: 'P2', response: 'met', resolution: 'met', resolvedAt: at('2026-03-31T23:00:00Z'), resolutionDueAt: null }, // April in Amsterdam
          { incidentId: 'e', priority: 'P4', response: 'met', resolution: 'met', resolvedAt: at('2026-02-05T10:00:00Z'), resolutionDueAt: null },
        ],
      }),
    );
    expect(s.sla).toEqual([
      { priority: 'P1', incidents: 2, responseMet: 1, responseMissed: 1, resolutionMet: 1, resolutionMissed: 1 },
      { priority: 'P2', incidents: 0, responseMet: 0, responseMissed: 0, resolutionMet: 0, resolutionMissed: 0 },
      { priority: 'P3', incidents: 1, responseMet: 1, responseMissed: 0, resolutionMet: 0, resolutionMissed: 0 },
      { priority: 'P4', incidents: 0, responseMet: 0, responseMissed: 0, resolutionMet: 0, resolutionMissed: 0 },
    ]);
    expect(s.empty).toBe(false);
  });

  it('gives a statement without terms for a client without a contract, and refuses a bad month', () => {
    const s = monthStatement(statementInput({ contracts: [], entries: [timeEntry({ minutes: 7 })] }));
    expect([s.costModel, s.contractId, s.supportTotal.roundedMinutes]).toEqual([null, null, 7]);
    expect(() => monthStatement(statementInput({ month: '2026-13' }))).toThrow(VangnetError);
  });
});
