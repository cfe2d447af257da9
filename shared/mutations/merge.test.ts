import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../domain/common';
import type { Incident } from '../domain/incident';
import type { TimeEntry } from '../domain/time';
import { formatHlc, hlcToIso } from '../hlc';
import type { MutationContext } from './define';
import { incidentMerge, MERGE_ENTRIES_MAX } from './merge';
import { authorize } from './permit';

const BASE = Date.parse('2026-03-02T09:00:00.000Z');
const engineer = (id: string, role: Role = 'engineer'): Actor => ({ id, name: id, kind: 'engineer', role });
const hlc = formatHlc({ wallMs: BASE, counter: 0, node: 'a' });
const ctx: MutationContext = { actor: engineer('sanne'), deviceId: 'a', hlc, now: hlcToIso(hlc) };
const CLIENT = '01890000-0000-7000-8000-0000000000c1';
const id = (n: number) => `01890000-0000-7000-8000-${String(n).padStart(12, '0')}`;

const incident = (n: number, category: Incident['category'] = null): Incident => ({
  id: id(n),
  clientId: CLIENT,
  title: `Ticket ${n}`,
  description: '',
  priority: 'P3',
  status: 'in_progress',
  openedAt: '2026-03-01T09:00:00.000Z',
  createdAt: '2026-03-01T09:00:00.000Z',
  createdBy: 'x',
  updatedAt: '2026-03-01T09:00:00.000Z',
  assigneeId: null,
  category,
  mergedInto: null,
  fieldVersions: {},
});
const entry = (n: number, incidentId: string, engineerId = 'sanne'): TimeEntry => ({
  id: id(1000 + n),
  engineerId,
  clientId: CLIENT,
  incidentId,
  startedAt: '2026-03-02T08:00:00.000Z',
  endedAt: '2026-03-02T08:07:00.000Z',
  runningFor: null,
  note: '',
  billable: true,
  scope: 'support',
  changeReason: null,
  createdAt: '2026-03-02T08:07:00.000Z',
  createdBy: engineerId,
  fieldVersions: {},
});

describe('incident.merge', () => {
  it("moves entries with the survivor's scope, closes and points the merged ticket, and writes one event each side", () => {
    const survivor = incident(1, 'new_functionality');
    const merged = incident(2);
    const args = incidentMerge.args.parse({ survivorId: survivor.id, mergedIds: [merged.id] });
    const writes = incidentMerge.apply(args, { survivor, ticket0: merged, entries0: [entry(1, merged.id)] } as never, ctx);
    const rows = writes.map((w) => (w.op === 'delete' ? null : w.row)) as Record<string, unknown>[];
    expect(rows[0]).toMatchObject({ incidentId: survivor.id, scope: 'change_request' });
    expect(rows[1]).toMatchObject({ id: merged.id, status: 'closed', mergedInto: survivor.id });
    expect(rows.slice(2).map((r) => [r.incidentId, (r.data as { kind: string }).kind])).toEqual([
      [merged.id, 'status'],
      [merged.id, 'mergedInto'],
      [survivor.id, 'mergedFrom'],
    ]);
  });

  it('refuses a ticket with more entries than one merge moves', () => {
    const survivor = incident(1);
    const merged = incident(2);
    const many = Array.from({ length: MERGE_ENTRIES_MAX + 1 }, (_, i) => entry(i, merged.id));
    const args = incidentMerge.args.parse({ survivorId: survivor.id, mergedIds: [merged.id] });
    expect(() => incidentMerge.apply(args, { survivor, ticket0: merged, entries0: many } as never, ctx)).toThrow(/more than 499 time entries/);
    expect(() => incidentMerge.apply(args, { survivor, ticket0: merged, entries0: many.slice(1) } as never, ctx)).not.toThrow();
  });

  it("needs a lead to move another engineer's time; more than 20 tickets are refused by the schema", () => {
    const merged = incident(2);
    const rows = { survivor: incident(1), ticket0: merged, entries0: [entry(1, merged.id, 'joris')] };
    const args = { survivorId: id(1), mergedIds: [merged.id] };
    expect(() => authorize(incidentMerge as never, engineer('sanne'), args, rows as never)).toThrow(/lead role/);
    expect(() => authorize(incidentMerge as never, engineer('joris'), args, rows as never)).not.toThrow();
    expect(() => authorize(incidentMerge as never, engineer('lea', 'lead'), args, rows as never)).not.toThrow();
    const tooMany = Array.from({ length: 21 }, (_, i) => id(100 + i));
    expect(incidentMerge.args.safeParse({ survivorId: id(1), mergedIds: tooMany }).success).toBe(false);
  });
});
