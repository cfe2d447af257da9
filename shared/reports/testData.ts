import { type Contract, contractTemplate, type ContractTerms } from '../domain/contract';
import type { BudgetLine } from '../domain/budget';
import type { TimeEntry } from '../domain/time';

/** Rows as stored, for the Reports computations' tests. */

let n = 0;
const nextId = () => `00000000-0000-4000-8000-${String((n += 1)).padStart(12, '0')}`;

export const CLIENT_A = '00000000-0000-4000-8000-aaaaaaaaaaaa';
export const CLIENT_B = '00000000-0000-4000-8000-bbbbbbbbbbbb';

export function contractOf(clientId: string, effectiveFrom: string, terms: Partial<ContractTerms> = {}): Contract {
  return {
    id: nextId(),
    clientId,
    effectiveFrom,
    terms: { ...contractTemplate('prepaid'), billingIncrementMinutes: 15, ...terms },
    createdAt: `${effectiveFrom}T00:00:00.000Z`,
    createdBy: 'test',
    fieldVersions: {},
  };
}

export function timeEntry(
  clientId: string,
  incidentId: string | null,
  startedAt: string,
  minutes: number,
  over: Partial<TimeEntry> = {},
): TimeEntry {
  return {
    id: nextId(),
    engineerId: 'eng-1',
    clientId,
    incidentId,
    startedAt,
    endedAt: new Date(Date.parse(startedAt) + minutes * 60_000).toISOString(),
    runningFor: null,
    note: '',
    billable: true,
    scope: 'support',
    changeReason: null,
    createdAt: startedAt,
    createdBy: 'test',
    fieldVersions: {},
    ...over,
  };
}

export function purchase(clientId: string, day: string, minutes: number, validThrough: string | null = null): BudgetLine {
  return {
    id: nextId(),
    clientId,
    kind: 'purchase',
    minutes,
    day,
    validThrough,
    note: '',
    createdAt: `${day}T08:00:00.000Z`,
    createdBy: 'test',
    fieldVersions: {},
  };
}
