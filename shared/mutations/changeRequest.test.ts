import { describe, expect, it } from 'vitest';
import { type ChangeRequest, ChangeRequest as ChangeRequestSchema } from '../domain/changeRequest';
import type { Actor, Role } from '../domain/common';
import type { Incident } from '../domain/incident';
import type { TimeEntry } from '../domain/time';
import { formatHlc, hlcToIso } from '../hlc';
import {
  changeRequestSetStatus,
  changeRequestUpdate,
  incidentConvertToChangeRequest,
  incidentConvertToSupport,
} from './changeRequest';
import type { MutationContext, Write } from './define';
import { incidentSetCategory } from './lifecycle';
import { authorize } from './permit';
import { whoMay } from './reference';

const NOW = Date.parse('2026-03-02T09:00:00.000Z');
const person = (id: string, role: Role = 'engineer'): Actor => ({ id, name: id, kind: 'engineer', role });
let tick = 0;
const ctx = (actor = person('lea', 'lead')): MutationContext => {
  const hlc = formatHlc({ wallMs: NOW + tick++ * 1000, counter: 0, node: 'a' });
  return { actor, deviceId: 'a', hlc, now: hlcToIso(hlc) };
};
const CLIENT = '01890000-0000-7000-8000-000000000001';
const ID = '01890000-0000-7000-8000-0000000000a1';
const incident = (category: Incident['category']): Incident => ({
  id: ID,
  clientId: CLIENT,
  title: 'Koppeling met Exact',
  description: '',
  priority: 'P3',
  status: 'new',
  openedAt: '2026-03-01T09:00:00.000Z',
  createdAt: '2026-03-01T09:00:00.000Z',
  createdBy: 'x',
  updatedAt: '2026-03-01T09:00:00.000Z',
  assigneeId: null,
  category,
  mergedInto: null,
  fieldVersions: {},
});
const entry = (n: number, scope: TimeEntry['scope']): TimeEntry => ({
  id: `01890000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  engineerId: 'sanne',
  clientId: CLIENT,
  incidentId: ID,
  startedAt: '2026-03-01T10:00:00.000Z',
  endedAt: '2026-03-01T10:30:00.000Z',
  runningFor: null,
  note: '',
  billable: true,
  scope,
  changeReason: null,
  createdAt: '2026-03-01T10:30:00.000Z',
  createdBy: 'sanne',
  fieldVersions: {},
});
const rowsOf = (writes: Write[], table: string) => writes.filter((w) => w.table === table).map((w) => (w.op === 'delete' ? w.before : w.row));

function convert(args: Record<string, unknown>, rows: { incident?: Incident; changeRequest?: ChangeRequest; entries?: TimeEntry[] }) {
  const parsed = incidentConvertToChangeRequest.args.parse({ id: ID, ...args });
  return incidentConvertToChangeRequest.apply(parsed, { incident: rows.incident, changeRequest: rows.changeRequest, entries: rows.entries ?? [], closes: [] }, ctx());
}
function draft(fields: Partial<ChangeRequest> = {}): ChangeRequest {
  const cr = rowsOf(convert({}, { incident: incident(null) }), 'changeRequests')[0] as ChangeRequest;
  return { ...cr, ...fields };
}
function setStatus(cr: ChangeRequest, to: string, category: Incident['category'] = 'new_functionality') {
  const args = changeRequestSetStatus.args.parse({ id: ID, to });
  return changeRequestSetStatus.apply(args, { changeRequest: cr, incident: incident(category) }, ctx());
}

describe('converting a ticket to a change request and back', () => {
  it('sets the category, makes a draft the registry accepts, and moves the ticket’s entries to the change-request scope', () => {
    const writes = convert({ estimateMinutes: 480 }, { incident: incident('bugfix'), entries: [entry(1, 'support'), entry(2, 'support')] });
    expect((rowsOf(writes, 'incidents')[0] as Incident).category).toBe('new_functionality');
    const cr = rowsOf(writes, 'changeRequests')[0] as ChangeRequest;
    expect(ChangeRequestSchema.parse(cr)).toMatchObject({ id: ID, incidentId: ID, clientId: CLIENT, status: 'draft', estimateMinutes: 480, quoteCents: null });
    expect(rowsOf(writes, 'timeEntries').map((e) => (e as TimeEntry).scope)).toEqual(['change_request', 'change_request']);
    // The category change is on the ticket's timeline too.
    expect(rowsOf(writes, 'incidentEvents')).toHaveLength(1);
  });

  it('back to support: a support category, the entries back in support; refused while the quote is out or decided', () => {
    const args = incidentConvertToSupport.args.parse({ id: ID, category: 'bugfix' });
    const rows = { incident: incident('new_functionality'), changeRequest: draft(), entries: [entry(1, 'change_request')], closes: [] };
    const writes = incidentConvertToSupport.apply(args, rows, ctx());
    expect((rowsOf(writes, 'incidents')[0] as Incident).category).toBe('bugfix');
    expect((rowsOf(writes, 'timeEntries')[0] as TimeEntry).scope).toBe('support');
    for (const status of ['sent', 'accepted', 'rejected'] as const)
      expect(() => incidentConvertToSupport.apply(args, { ...rows, changeRequest: draft({ status }) }, ctx())).toThrow(
        expect.objectContaining({ code: 'conflict', key: 'changeRequest.decided' }),
      );
    expect(() => incidentConvertToSupport.args.parse({ id: ID, category: 'new_functionality' })).toThrow();
    expect(() => incidentConvertToSupport.apply(args, { ...rows, incident: incident('bugfix') }, ctx())).toThrow(
      expect.objectContaining({ key: 'changeRequest.notChangeRequest' }),
    );
  });

  it('setCategory crosses the line the same way, and refuses leaving a sent change request', () => {
    const args = incidentSetCategory.args.parse({ id: ID, category: 'new_functionality' });
    const writes = incidentSetCategory.apply(args, { incident: incident(null), changeRequest: undefined, entries: [entry(1, 'support')], closes: [] }, ctx());
    expect((rowsOf(writes, 'timeEntries')[0] as TimeEntry).scope).toBe('change_request');
    // Within support (monitoring → security) the entries stay as they are.
    const within = incidentSetCategory.apply(
      incidentSetCategory.args.parse({ id: ID, category: 'security' }),
      { incident: incident('monitoring'), changeRequest: undefined, entries: [entry(1, 'support')], closes: [] },
      ctx(),
    );
    expect(rowsOf(within, 'timeEntries')).toEqual([]);
    expect(() =>
      incidentSetCategory.apply(
        incidentSetCategory.args.parse({ id: ID, category: null }),
        { incident: incident('new_functionality'), changeRequest: draft({ status: 'sent' }), entries: [], closes: [] },
        ctx(),
      ),
    ).toThrow(expect.objectContaining({ key: 'changeRequest.decided' }));
  });

  it('refuses a ticket whose entries fill the bounded read, rather than moving half of them', () => {
    const many = Array.from({ length: 500 }, (_, i) => entry(i + 1, 'support'));
    expect(() => convert({}, { incident: incident(null), entries: many })).toThrow(
      expect.objectContaining({ code: 'conflict', key: 'changeRequest.tooManyEntries', params: { id: ID, max: 500 } }),
    );
    expect(rowsOf(convert({}, { incident: incident(null), entries: many.slice(0, 499) }), 'timeEntries')).toHaveLength(499);
  });

  it('a second conversion keeps the one change request (its id is the ticket’s); converting a change request again is refused', () => {
    const again = convert({ estimateMinutes: 60 }, { incident: incident('bugfix'), changeRequest: draft() });
    expect(again.find((w) => w.table === 'changeRequests')).toMatchObject({ op: 'update', row: { id: ID, estimateMinutes: 60 } });
    expect(() => convert({}, { incident: incident('new_functionality'), changeRequest: draft() })).toThrow(
      expect.objectContaining({ key: 'changeRequest.already' }),
    );
    // A ticket made in new functionality (no change request yet) gets its draft.
    expect(rowsOf(convert({}, { incident: incident('new_functionality') }), 'changeRequests')).toHaveLength(1);
    expect(() => convert({}, { incident: undefined })).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('refuses absurd estimates and quotes as arguments', () => {
    for (const bad of [{ estimateMinutes: 0 }, { estimateMinutes: -60 }, { estimateMinutes: 1.5 }, { quoteCents: -1 }, { quoteCents: 0.5 }, { quoteCents: 2e9 }])
      expect(() => incidentConvertToChangeRequest.args.parse({ id: ID, ...bad })).toThrow();
    expect(() => changeRequestUpdate.args.parse({ id: ID })).toThrow(/changeRequest.nothingToChange/);
  });
});

describe('the status of a change request', () => {
  it('goes draft → sent → accepted, each step stamped; sending needs an estimate and a quote', () => {
    expect(() => setStatus(draft(), 'sent')).toThrow(expect.objectContaining({ code: 'invalid_args', key: 'changeRequest.noEstimate' }));
    expect(() => setStatus(draft({ estimateMinutes: 600 }), 'sent')).toThrow(expect.objectContaining({ key: 'changeRequest.noQuote' }));
    const ready = draft({ estimateMinutes: 600, quoteCents: 95_000 });
    const [sent] = setStatus(ready, 'sent');
    const sentRow = (sent as { row: ChangeRequest }).row;
    expect(sentRow).toMatchObject({ status: 'sent' });
    expect(sentRow.statusAt > ready.statusAt).toBe(true);
    expect(sentRow.fieldVersions.status! > ready.fieldVersions.status!).toBe(true);
    const [accepted] = setStatus(sentRow, 'accepted');
    expect((accepted as { row: ChangeRequest }).row.status).toBe('accepted');
  });

  it('refuses the transitions that are not allowed, and a quote for a ticket back in support', () => {
    const sent = draft({ status: 'sent', estimateMinutes: 60, quoteCents: 100 });
    for (const [from, to] of [
      [draft(), 'accepted'],
      [draft(), 'rejected'],
      [draft(), 'draft'],
      [{ ...sent, status: 'accepted' }, 'rejected'],
      [{ ...sent, status: 'rejected' }, 'sent'],
    ] as const)
      expect(() => setStatus(from as ChangeRequest, to)).toThrow(expect.objectContaining({ key: 'changeRequest.transition' }));
    expect(setStatus({ ...sent, status: 'accepted' }, 'draft')).toHaveLength(1);
    expect(() => setStatus(draft({ estimateMinutes: 60, quoteCents: 1 }), 'sent', 'bugfix')).toThrow(
      expect.objectContaining({ key: 'changeRequest.notChangeRequest' }),
    );
  });

  it('estimate and quote change only in a draft', () => {
    const args = changeRequestUpdate.args.parse({ id: ID, estimateMinutes: 120, quoteCents: 50_000 });
    const [write] = changeRequestUpdate.apply(args, { changeRequest: draft() }, ctx());
    expect((write as { row: ChangeRequest }).row).toMatchObject({ estimateMinutes: 120, quoteCents: 50_000 });
    expect(() => changeRequestUpdate.apply(args, { changeRequest: draft({ status: 'sent' }) }, ctx())).toThrow(
      expect.objectContaining({ key: 'changeRequest.notDraft' }),
    );
    expect(() => changeRequestUpdate.apply(args, { changeRequest: undefined }, ctx())).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('engineers convert and estimate; the quote and every status change are a lead’s, and the reference says so', () => {
    const sanne = person('sanne');
    expect(() => authorize(incidentConvertToChangeRequest as never, sanne, { estimateMinutes: 60 }, {} as never)).not.toThrow();
    expect(() => authorize(incidentConvertToChangeRequest as never, sanne, { quoteCents: 100 }, {} as never)).toThrow(
      /Setting the quote of a change request needs the lead role/,
    );
    expect(() => authorize(changeRequestUpdate as never, sanne, { quoteCents: null }, {} as never)).toThrow(/lead role/);
    expect(() => authorize(changeRequestSetStatus as never, sanne, { to: 'sent' }, {} as never)).toThrow(
      /Sending, accepting or rejecting a change request needs the lead role/,
    );
    expect(() => authorize(changeRequestSetStatus as never, person('lea', 'lead'), { to: 'sent' }, {} as never)).not.toThrow();
    expect(whoMay(changeRequestSetStatus)).toBe('`lead` or `admin` (and the system actor).');
    expect(whoMay(incidentConvertToChangeRequest)).toMatch(/quoteCents/);
  });
});
