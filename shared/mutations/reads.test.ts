import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../domain/lifecycle';
import { LIST_READ_MAX, type ReadSpec } from './define';
import { planRead } from './reads';
import { checkWrites } from './writes';

describe('a mutation read', () => {
  it('by a lookup field other than id, in column terms', () => {
    expect(planRead({ table: 'incidentEvents', by: 'incidentId', value: 'i1' })).toEqual({
      table: 'incidentEvents',
      sqlTable: 'incident_events',
      where: [{ column: 'incident_id', value: 'i1' }],
      orderBy: [{ column: 'id', desc: false, kind: 'text' }],
    });
  });

  it('is refused by a field that is not one of the table’s lookups (an unindexed scan)', () => {
    expect(() => planRead({ table: 'incidents', by: 'title', value: 'x' })).toThrow(/not one of its lookups/);
    expect(() => planRead({ table: 'incidents', where: { status: 'new' }, limit: 5 })).toThrow(/not one of its lookups/);
  });

  it('as a list: bounded, ordered as asked and then by id', () => {
    const plan = planRead({ table: 'incidents', where: { clientId: 'c1' }, orderBy: [{ field: 'openedAt', desc: true }], limit: 20 });
    expect(plan.orderBy).toEqual([
      { column: 'opened_at', desc: true, kind: 'text' },
      { column: 'id', desc: false, kind: 'text' },
    ]);
    expect(plan.limit).toBe(20);
    for (const limit of [0, LIST_READ_MAX + 1, 1.5]) {
      expect(() => planRead({ table: 'incidents', where: { clientId: 'c1' }, limit })).toThrow(/needs a limit/);
    }
    expect(() => planRead({ table: 'incidents', where: {}, limit: 5 })).toThrow(/at least one condition/);
    expect(() => planRead({ table: 'incidents', where: { clientId: 'c1' }, orderBy: [{ field: 'nope' as 'id' }], limit: 5 })).toThrow(
      /no field nope/,
    );
  });

  it('is typed: `by` must be a field of that table’s rows', () => {
    // @ts-expect-error clients have no incidentId
    const wrong: ReadSpec = { table: 'clients', by: 'incidentId', value: 'x' };
    expect(() => planRead(wrong)).toThrow();
  });
});

describe('a mutation’s writes', () => {
  it('may not delete an append-only row', () => {
    const entry = { id: 'e1' } as TimelineEntry;
    expect(() => checkWrites('test.delete', [{ op: 'delete', table: 'incidentEvents', before: entry }])).toThrow(/append-only/);
    expect(() => checkWrites('test.insert', [{ op: 'insert', table: 'incidentEvents', row: entry }])).not.toThrow();
  });
});
