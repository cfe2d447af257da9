import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../domain/lifecycle';
import { LIST_READ_MAX, type ReadSpec, type Write } from './define';
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
    // The types refuse them at compile time; a cast (or a plain-JS caller) meets the run-time check.
    // @ts-expect-error -- title is not a lookup of incidents
    expect(() => planRead({ table: 'incidents', by: 'title', value: 'x' })).toThrow(/not one of its lookups/);
    // @ts-expect-error -- nor is status
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

  it('is typed: `by` must be one of that table’s lookups', () => {
    // @ts-expect-error clients have no incidentId
    const wrong: ReadSpec = { table: 'clients', by: 'incidentId', value: 'x' };
    expect(() => planRead(wrong)).toThrow();
  });
});

describe('a mutation’s writes', () => {
  it('may delete only rows of mutable tables: not an append-only row, not a server-owned one', () => {
    const entry = { id: 'e1' } as TimelineEntry;
    expect(() => checkWrites('test.delete', [{ op: 'delete', table: 'incidentEvents', before: entry }])).toThrow(/is appendOnly/);
    // Server-owned tables are no mutation's: the Write type cannot name them, a cast meets the check.
    const engineer = { op: 'delete', table: 'engineers', before: { id: 'e1' } } as unknown as Write;
    expect(() => checkWrites('test.delete', [engineer])).toThrow(/is serverOwned/);
    expect(() => checkWrites('test.delete', [{ op: 'delete', table: 'platforms', before: { id: 'p1' } as never }])).not.toThrow();
    expect(() => checkWrites('test.insert', [{ op: 'insert', table: 'incidentEvents', row: entry }])).not.toThrow();
  });
});
