import { afterEach, describe, expect, it } from 'vitest';
import type { IncidentDetail, IncidentPage } from '../../shared/contract';
import type { BudgetView } from '../../shared/contract/budget';
import type { BundlingSavingsView } from '../../shared/contract/bundling';
import type { TimeList } from '../../shared/contract/time';
import { contractTemplate } from '../../shared/domain/contract';
import type { TimelineEntry } from '../../shared/domain/lifecycle';
import { callEngine, testEngine } from '../testSupport';
import { dispatch } from './dispatch';
import type { Engine } from './engine';

let engine: Engine;
afterEach(() => engine?.close());

const T0 = Date.parse('2026-03-02T09:00:00Z');
const MIN = 60_000;

const call = <T>(name: string, args: unknown) => callEngine<T>(engine, name, args);

async function refusal(name: string, args: unknown) {
  const result = await dispatch(engine, name, args);
  if (result.ok) throw new Error(`${name} was not refused`);
  return result.error;
}

/** A prepaid client with a 15-minute increment, three tickets of 7 minutes each this month, and another client. */
async function setUp() {
  ({ engine } = testEngine(T0));
  const acme = await call<{ id: string }>('clients.create', { name: 'Acme', code: 'ACME' });
  const other = await call<{ id: string }>('clients.create', { name: 'Ander', code: 'ANDER' });
  const terms = { ...contractTemplate('prepaid'), billingIncrementMinutes: 15 };
  await call('contracts.set', { clientId: acme.id, effectiveFrom: '2026-01-01', terms });
  await call('budget.buy', { clientId: acme.id, minutes: 600, purchasedOn: '2026-01-15' });
  const ticket = async (title: string, openedMinAgo: number, clientId = acme.id) =>
    call<IncidentDetail>('incidents.create', { clientId, title, priority: 'P3', openedAt: new Date(T0 - openedMinAgo * MIN).toISOString() });
  const a = await ticket('Wachtwoord vergeten', 600);
  const b = await ticket('Logo vervangen', 500);
  const c = await ticket('Menu-item toevoegen', 400);
  const elsewhere = await ticket('Andere klant', 300, other.id);
  for (const [t, ago] of [
    [a, 300],
    [b, 200],
    [c, 100],
  ] as const)
    await call('time.log', { incidentId: t.id, startedAt: new Date(T0 - ago * MIN).toISOString(), minutes: 7 });
  await call('incidents.reply', { id: b.id, body: 'Logo staat erin' });
  return { acme: acme.id, a, b, c, elsewhere };
}

describe('ticket bundling in the engine', () => {
  it('suggests the small open tickets of the month with what bundling saves, the oldest as survivor', async () => {
    const { acme, a, b, c } = await setUp();
    const s = await call<BundlingSavingsView>('bundling.suggestion', { clientId: acme });
    expect(s).toMatchObject({ month: '2026-03', incrementMinutes: 15, apartMinutes: 45, togetherMinutes: 30, savedMinutes: 15, survivorId: a.id });
    expect(s.tickets.map((t) => [t.title, t.rawMinutes, t.billedMinutes, t.entryCount])).toEqual([
      [a.title, 7, 15, 1],
      [b.title, 7, 15, 1],
      [c.title, 7, 15, 1],
    ]);
    // Another month has nothing to bundle; an unknown client is a clear refusal.
    expect(await call('bundling.suggestion', { clientId: acme, month: '2026-02' })).toBeNull();
    expect(await refusal('bundling.suggestion', { clientId: '01890000-0000-7000-8000-0000000000ff' })).toMatchObject({ code: 'not_found' });
    // Resolved tickets are not open: two left are too few.
    await call('incidents.setStatus', { id: c.id, to: 'resolved' });
    expect(await call('bundling.suggestion', { clientId: acme })).toBeNull();
  });

  it('merges: entries move, the merged tickets close and point to the survivor, both timelines say so', async () => {
    const { acme, a, b, c } = await setUp();
    const preview = await call<BundlingSavingsView>('bundling.preview', { survivorId: a.id, mergedIds: [b.id, c.id] });
    expect(preview).toMatchObject({ month: null, apartMinutes: 45, togetherMinutes: 30, savedMinutes: 15 });
    const before = await call<BudgetView>('budget.forClient', { clientId: acme });
    expect(before.drawnMinutes).toBe(preview.apartMinutes);

    const survivor = await call<IncidentDetail>('bundling.merge', { survivorId: a.id, mergedIds: [b.id, c.id], reason: 'Kleine vragen' });
    expect(survivor).toMatchObject({ id: a.id, mergedInto: null });
    for (const id of [b.id, c.id]) expect(await call('incidents.get', { id })).toMatchObject({ status: 'closed', mergedInto: a.id });

    // The bundle draws what bundlingSavings said merged tickets bill.
    const after = await call<BudgetView>('budget.forClient', { clientId: acme });
    expect(after.drawnMinutes).toBe(preview.togetherMinutes);
    const time = await call<TimeList>('time.list', { clientId: acme, month: '2026-03' });
    expect(time.entries.map((e) => e.incidentId)).toEqual([a.id, a.id, a.id]);

    const timeline = await call<TimelineEntry[]>('incidents.timeline', { id: a.id });
    const kinds = timeline.map((e) => [e.incidentId === a.id ? 'own' : 'merged', e.data.kind]);
    expect(kinds).toContainEqual(['merged', 'reply']);
    expect(timeline.at(-1)!.data).toEqual({
      kind: 'mergedFrom',
      from: [
        { id: b.id, title: b.title },
        { id: c.id, title: c.title },
      ],
      movedEntries: 2,
      reason: 'Kleine vragen',
    });
    const mergedTimeline = await call<TimelineEntry[]>('incidents.timeline', { id: b.id });
    expect(mergedTimeline.map((e) => e.data.kind).sort()).toEqual(['mergedInto', 'reply', 'status']);
    expect(mergedTimeline.find((e) => e.data.kind === 'mergedInto')!.data).toMatchObject({ into: { id: a.id, title: a.title }, movedEntries: 1 });

    // Merged tickets leave the default (open) list and run no clock.
    const open = await call<IncidentPage>('incidents.list', { clientId: acme, statuses: ['new', 'acknowledged', 'in_progress', 'waiting_on_client'] });
    expect(open.rows.map((r) => r.id)).toEqual([a.id]);
    expect((await call<IncidentDetail>('incidents.get', { id: b.id })).sla?.resolution ?? null).not.toMatchObject({ state: 'running' });

    // The audit trail of a moved entry shows the merge.
    const entryId = time.entries.find((e) => e.incidentId === a.id && e.startedAt === new Date(T0 - 200 * MIN).toISOString())!.id;
    const audit = await call<{ mutationName?: string; after: Record<string, unknown> | null }[]>('audit.forEntity', { entityId: entryId });
    expect(JSON.stringify(audit)).toContain('incident.merge');
  });

  it('refuses another client, itself, an already merged or unknown ticket, a closed survivor — and keeps everything saved', async () => {
    const { a, b, c, elsewhere } = await setUp();
    expect(await refusal('bundling.merge', { survivorId: a.id, mergedIds: [elsewhere.id] })).toMatchObject({
      code: 'invalid_args',
      key: 'merge.otherClient',
    });
    expect(await refusal('bundling.merge', { survivorId: a.id, mergedIds: [a.id] })).toMatchObject({ code: 'invalid_args' });
    expect(await refusal('bundling.merge', { survivorId: a.id, mergedIds: [b.id, b.id] })).toMatchObject({ code: 'invalid_args' });
    expect(await refusal('bundling.merge', { survivorId: a.id, mergedIds: ['01890000-0000-7000-8000-0000000000ff'] })).toMatchObject({
      code: 'not_found',
      key: 'incident.unknown',
    });
    expect(await refusal('bundling.merge', { survivorId: a.id, mergedIds: [] })).toMatchObject({ code: 'invalid_args' });
    // A refused merge wrote nothing: b is untouched, its entry still on it.
    expect(await call('incidents.get', { id: b.id })).toMatchObject({ status: 'new', mergedInto: null });
    await call('bundling.merge', { survivorId: a.id, mergedIds: [b.id] });
    expect(await refusal('bundling.merge', { survivorId: c.id, mergedIds: [b.id] })).toMatchObject({ code: 'conflict', key: 'merge.alreadyMerged' });
    expect(await refusal('bundling.merge', { survivorId: b.id, mergedIds: [c.id] })).toMatchObject({ code: 'conflict', key: 'merge.alreadyMerged' });
    expect(await refusal('bundling.preview', { survivorId: b.id, mergedIds: [c.id] })).toMatchObject({ key: 'merge.alreadyMerged' });
    await call('incidents.setStatus', { id: c.id, to: 'resolved' });
    await call('incidents.setStatus', { id: c.id, to: 'closed' });
    expect(await refusal('bundling.merge', { survivorId: c.id, mergedIds: [a.id] })).toMatchObject({ key: 'merge.survivorClosed' });
    expect((await refusal('bundling.merge', { survivorId: c.id, mergedIds: [a.id] })).message).toMatch(/is closed/);
  });

  it('shows the history of a ticket merged into one that was merged in turn, and its time', async () => {
    const { acme, a, b, c } = await setUp();
    await call('incidents.note', { id: c.id, body: 'Menu staat in het CMS' });
    await call('bundling.merge', { survivorId: b.id, mergedIds: [c.id] });
    await call('bundling.merge', { survivorId: a.id, mergedIds: [b.id] });
    const timeline = await call<TimelineEntry[]>('incidents.timeline', { id: a.id });
    expect(new Set(timeline.map((e) => e.incidentId))).toEqual(new Set([a.id, b.id, c.id]));
    const time = await call<TimeList>('time.list', { clientId: acme, month: '2026-03' });
    expect(time.entries.map((e) => e.incidentId)).toEqual([a.id, a.id, a.id]);
  });
});
