import type { BudgetLine } from '../domain/budget';
import { type ContractTerms, contractTemplate, type CostModel } from '../domain/contract';
import type { TimeEntry } from '../domain/time';
import type { StatementInput } from './statement';

/** Statement inputs for tests and the bench: a client, its contract, entries and ledger lines. */

let n = 0;

export function timeEntry(over: Partial<TimeEntry> & { minutes?: number } = {}): TimeEntry {
  n += 1;
  const { minutes = 30, ...rest } = over;
  const startedAt = rest.startedAt ?? '2026-03-10T09:00:00Z';
  return {
    id: `te${n}`,
    engineerId: 'eng-anna',
    clientId: 'c1',
    incidentId: 'i1',
    startedAt,
    endedAt: new Date(Date.parse(startedAt) + minutes * 60_000).toISOString(),
    runningFor: null,
    note: '',
    billable: true,
    scope: 'support',
    changeReason: null,
    createdAt: startedAt,
    createdBy: 'eng-anna',
    fieldVersions: {},
    ...rest,
  };
}

export function purchase(minutes: number, day: string, validThrough: string | null = null): BudgetLine {
  n += 1;
  return { id: `bl${n}`, clientId: 'c1', kind: 'purchase', minutes, day, validThrough, note: '', createdAt: `${day}T08:00:00Z`, createdBy: 'lead', fieldVersions: {} };
}

export function contractVersion(costModel: CostModel, effectiveFrom = '2026-01-01', over: Partial<ContractTerms> = {}) {
  n += 1;
  return { id: `k${n}`, effectiveFrom, createdAt: `${effectiveFrom}T00:00:00Z`, terms: { ...contractTemplate(costModel), ...over } };
}

export function statementInput(over: Partial<StatementInput> = {}): StatementInput {
  return {
    client: { id: 'c1', code: 'BAKKER', name: 'Bakkerij de Vries' },
    month: '2026-03',
    contracts: [contractVersion('prepaid')],
    entries: [],
    tickets: [
      { id: 'i1', title: 'SSL certificate expired', category: 'security' },
      { id: 'i2', title: 'Password reset for editor', category: 'cms_help' },
      { id: 'i3', title: 'New payment provider', category: 'new_functionality' },
    ],
    engineers: new Map([
      ['eng-anna', 'Anna de Boer'],
      ['eng-bram', 'Bram Visser'],
    ]),
    budgetLines: [],
    incidents: [],
    nowMs: Date.parse('2026-12-01T00:00:00Z'),
    ...over,
  };
}
