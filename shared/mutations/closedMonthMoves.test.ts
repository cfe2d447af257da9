import { describe, expect, it } from 'vitest';
import type { Actor } from '../domain/common';
import type { Incident } from '../domain/incident';
import type { MonthClose } from '../domain/monthClose';
import type { TimeEntry } from '../domain/time';
import { formatHlc, hlcToIso } from '../hlc';
import { incidentConvertToChangeRequest, incidentConvertToSupport } from './changeRequest';
import type { MutationContext, Write } from './define';
import { incidentMerge } from './merge';
import { splitByClosedMonth } from './monthGuard';
import { authorize } from './permit';

/** docs/billing.md, "Closed months and moved tickets": billed time stays as billed. */
const hlc = formatHlc({ wallMs: Date.parse('2026-04-02T09:00:00.000Z'), counter: 0, node: 'a' });
const sanne: Actor = { id: 'sanne', name: 'Sanne', kind: 'engineer', role: 'engineer' };
const ctx: MutationContext = { actor: sanne, deviceId: 'a', hlc, now: hlcToIso(hlc) };
const CLIENT = '01890000-0000-7000-8000-0000000000c1';
const id = (n: number) => `01890000-0000-7000-8000-${String(n).padStart(12, '0')}`;

const ticket = (n: number, category: Incident['category'] = null): Incident => ({
  id: id(n),
  clientId: CLIENT,
  title: `Ticket ${n}`,
  description: '',
  priority: 'P3',
  status: 'in_progress',
  openedAt: '2026-02-20T09:00:00.000Z',
  createdAt: '2026-02-20T09:00:00.000Z',
  createdBy: 'sanne',
  updatedAt: '2026-02-20T09:00:00.000Z',
  assigneeId: null,
  category,
  mergedInto: null,
  fieldVersions: {},
});
const entry = (n: number, incidentId: string, startedAt: string, scope: TimeEntry['scope'] = 'support', engineerId = 'sanne'): TimeEntry => ({
  id: id(1000 + n),
  engineerId,
  clientId: CLIENT,
  incidentId,
  startedAt,
  endedAt: new Date(Date.parse(startedAt) + 7 * 60_000).toISOString(),
  runningFor: null,
  note: '',
  billable: true,
  scope,
  changeReason: null,
  createdAt: startedAt,
  createdBy: engineerId,
  fieldVersions: {},
});
const close = (month: string, closed = true): MonthClose => ({
  id: `${CLIENT}:${month}`,
  clientId: CLIENT,
  month,
  timeZone: 'Europe/Amsterdam',
  closed,
  reopenReason: closed ? null : 'Correctie',
  changedAt: '2026-03-01T10:00:00.000Z',
  changedBy: 'lea',
  fieldVersions: {},
});
// 23:30 UTC on 28 February is already March in Amsterdam: the close row's zone decides.
const FEB = '2026-02-27T10:00:00.000Z';
const MAR_IN_AMSTERDAM = '2026-02-28T23:30:00.000Z';
const MAR = '2026-03-10T10:00:00.000Z';
const updated = (writes: Write[], table: string) => writes.filter((w) => w.op === 'update' && w.table === table).map((w) => (w.op === 'update' ? w.row : null));
const eventData = (writes: Write[]) => writes.flatMap((w) => (w.op === 'insert' && w.table === 'incidentEvents' ? [w.row.data] : []));

describe('closed months and moved tickets', () => {
  it('splits entries by the close row of their start, on its own zone, and ignores a reopened month', () => {
    const entries = [entry(1, id(2), FEB), entry(2, id(2), MAR_IN_AMSTERDAM), entry(3, id(2), MAR)];
    expect(splitByClosedMonth(entries, [close('2026-02')]).kept.map((e) => e.startedAt)).toEqual([FEB]);
    expect(splitByClosedMonth(entries, [close('2026-02', false)]).kept).toEqual([]);
    expect(splitByClosedMonth(entries, []).open).toHaveLength(3);
  });

  it('a merge moves only open-month entries; the closed-month ones stay on the merged ticket and both events count them', () => {
    const survivor = ticket(1);
    const merged = ticket(2);
    const args = incidentMerge.args.parse({ survivorId: survivor.id, mergedIds: [merged.id] });
    const entries = [entry(1, merged.id, FEB), entry(2, merged.id, MAR)];
    const writes = incidentMerge.apply(args, { survivor, ticket0: merged, entries0: entries, closes: [close('2026-02')] } as never, ctx);
    expect(updated(writes, 'timeEntries')).toEqual([expect.objectContaining({ id: id(1002), incidentId: survivor.id })]);
    expect(updated(writes, 'incidents')).toEqual([expect.objectContaining({ id: merged.id, status: 'closed', mergedInto: survivor.id })]);
    const events = eventData(writes);
    expect(events.find((d) => d.kind === 'mergedInto')).toMatchObject({ movedEntries: 1, keptEntries: 1 });
    expect(events.find((d) => d.kind === 'mergedFrom')).toMatchObject({ movedEntries: 1, keptEntries: 1 });
  });

  it('a merge with nothing closed writes no keptEntries, as before closed months counted', () => {
    const args = incidentMerge.args.parse({ survivorId: id(1), mergedIds: [id(2)] });
    const writes = incidentMerge.apply(args, { survivor: ticket(1), ticket0: ticket(2), entries0: [entry(1, id(2), MAR)], closes: [] } as never, ctx);
    expect(eventData(writes).every((d) => !('keptEntries' in d))).toBe(true);
  });

  it("a kept entry of another engineer does not need a lead: it does not move", () => {
    const rows = { survivor: ticket(1), ticket0: ticket(2), entries0: [entry(1, id(2), FEB, 'support', 'joris')], closes: [close('2026-02')] };
    const args = { survivorId: id(1), mergedIds: [id(2)] };
    expect(() => authorize(incidentMerge as never, sanne, args, rows as never)).not.toThrow();
    expect(() => authorize(incidentMerge as never, sanne, args, { ...rows, closes: [] } as never)).toThrow(/lead role/);
  });

  it('a conversion either way re-scopes only open-month entries and its category event counts the kept ones', () => {
    const entries = [entry(1, id(1), FEB), entry(2, id(1), MAR)];
    const toCr = incidentConvertToChangeRequest.apply(
      incidentConvertToChangeRequest.args.parse({ id: id(1) }),
      { incident: ticket(1, 'bugfix'), changeRequest: undefined, entries, closes: [close('2026-02')] },
      ctx,
    );
    expect(updated(toCr, 'timeEntries')).toEqual([expect.objectContaining({ id: id(1002), scope: 'change_request' })]);
    expect(eventData(toCr)).toEqual([{ kind: 'category', from: 'bugfix', to: 'new_functionality', keptEntries: 1 }]);

    const back = incidentConvertToSupport.apply(
      incidentConvertToSupport.args.parse({ id: id(1), category: 'bugfix' }),
      {
        incident: ticket(1, 'new_functionality'),
        changeRequest: undefined,
        entries: entries.map((e) => ({ ...e, scope: 'change_request' as const })),
        closes: [close('2026-02'), close('2026-03')],
      },
      ctx,
    );
    expect(updated(back, 'timeEntries')).toEqual([]);
    expect(eventData(back)).toEqual([{ kind: 'category', from: 'new_functionality', to: 'bugfix', keptEntries: 2 }]);
  });
});
