import { afterEach, describe, expect, it } from 'vitest';
import type { TimeEntryView, TimeList } from '../../shared/contract/time';
import { contractTemplate } from '../../shared/domain/contract';
import { getRowBy } from '../repos/rows';
import { heartbeatOf } from '../repos/timeEntries';
import { callEngine, testEngine } from '../testSupport';
import { dispatch } from './dispatch';
import { type Engine, openEngine } from './engine';

let engine: Engine;
let setNow: (ms: number) => void;
let dataDir: string;
afterEach(() => engine?.close());

const T0 = Date.parse('2026-03-02T09:00:00Z');
const MIN = 60_000;

const call = <T>(name: string, args: unknown) => callEngine<T>(engine, name, args);

async function refusal(name: string, args: unknown): Promise<{ code: string; key?: string }> {
  const result = await dispatch(engine, name, args);
  if (result.ok) throw new Error(`${name} was not refused`);
  return result.error;
}

async function setUp() {
  ({ engine, setNow, dataDir } = testEngine(T0));
  const acme = await call<{ id: string }>('clients.create', { name: 'Acme', code: 'ACME' });
  const other = await call<{ id: string }>('clients.create', { name: 'Other', code: 'OTHR' });
  await call('contracts.set', { clientId: acme.id, effectiveFrom: '2026-01-01', terms: contractTemplate('prepaid') });
  const incident = (title: string, clientId = acme.id, category: string | null = null) =>
    call<{ id: string }>('incidents.create', {
      clientId,
      title,
      priority: 'P3',
      category,
      openedAt: new Date(T0 - 60 * MIN).toISOString(),
    });
  return { acme: acme.id, other: other.id, incident };
}

describe('the timer', () => {
  it('runs on an incident with its scope; starting another stops the first in the same mutation', async () => {
    const { acme, incident } = await setUp();
    const bug = await incident('Checkout broken');
    const feature = await incident('Nieuwe betaalprovider', acme, 'new_functionality');
    const first = await call<TimeEntryView>('time.start', { incidentId: bug.id });
    expect(first).toMatchObject({ clientId: acme, incidentId: bug.id, scope: 'support', endedAt: null, billable: true, minutes: 0 });
    setNow(T0 + 25 * MIN);
    const second = await call<TimeEntryView>('time.start', { incidentId: feature.id });
    expect(second.scope).toBe('change_request');
    const stopped = getRowBy(engine.db, 'timeEntries', 'id', first.id)!;
    expect(stopped).toMatchObject({ endedAt: new Date(T0 + 25 * MIN).toISOString(), runningFor: null });
    expect(engine.db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE name = 'timer.start'`).get()).toEqual({ n: 2 });
    expect((await call<TimeEntryView | null>('time.running', {}))?.id).toBe(second.id);
    setNow(T0 + 70 * MIN);
    const done = await call<TimeEntryView>('time.stop', { note: 'tested the new provider' });
    expect(done).toMatchObject({ id: second.id, minutes: 45, note: 'tested the new provider', runningFor: null });
    expect(await call('time.running', {})).toBeNull();
    expect((await refusal('time.stop', {})).key).toBe('time.noTimer');
  });

  it('runs on a client without an incident, and refuses bad targets', async () => {
    const { acme, other, incident } = await setUp();
    const onClient = await call<TimeEntryView>('time.start', { clientId: acme });
    expect(onClient).toMatchObject({ clientId: acme, incidentId: null, scope: 'support' });
    const bug = await incident('Slow site');
    expect((await refusal('time.start', { incidentId: bug.id, clientId: other })).key).toBe('time.otherClient');
    expect((await refusal('time.start', { incidentId: '01890000-0000-7000-8000-000000000000' })).key).toBe('incident.unknown');
    expect((await refusal('time.start', { clientId: '01890000-0000-7000-8000-000000000000' })).key).toBe('client.unknown');
    expect((await refusal('time.start', {})).code).toBe('invalid_args');
    // Nothing refused stopped the running timer.
    expect((await call<TimeEntryView>('time.running', {})).id).toBe(onClient.id);
  });
});

describe('manual entries', () => {
  it('logs, warns of overlaps, edits with a reason and deletes as a tombstone', async () => {
    const { incident } = await setUp();
    const bug = await incident('Mail bounces');
    setNow(T0 + 8 * 60 * MIN);
    const at = new Date(T0).toISOString();
    const a = await call<{ entry: TimeEntryView; overlaps: string[] }>('time.log', { incidentId: bug.id, startedAt: at, minutes: 60 });
    expect(a.entry).toMatchObject({ startedAt: at, endedAt: new Date(T0 + 60 * MIN).toISOString(), minutes: 60 });
    expect(a.overlaps).toEqual([]);
    const b = await call<{ entry: TimeEntryView; overlaps: string[]; overlapping: TimeEntryView[] }>('time.log', {
      incidentId: bug.id,
      startedAt: new Date(T0 + 30 * MIN).toISOString(),
      minutes: 15,
    });
    expect(b.overlaps).toEqual([a.entry.id]);
    // The whole entry comes along, so a front can name it (its time and incident) in the warning.
    expect(b.overlapping).toEqual([a.entry]);
    const edited = await call<TimeEntryView>('time.update', {
      id: a.entry.id,
      reason: 'forgot the call',
      endedAt: new Date(T0 + 90 * MIN).toISOString(),
    });
    expect(edited).toMatchObject({ minutes: 90, changeReason: 'forgot the call', startedAt: at });
    expect((await refusal('time.update', { id: a.entry.id, reason: '  ', note: 'x' })).code).toBe('invalid_args');
    expect((await refusal('time.update', { id: a.entry.id, reason: 'r' })).code).toBe('invalid_args');
    await call('time.delete', { id: b.entry.id, reason: 'double booked' });
    expect(getRowBy(engine.db, 'timeEntries', 'id', b.entry.id)).toBeUndefined();
    const trail = engine.db.prepare(`SELECT after FROM audit WHERE entity_id = ? ORDER BY seq`).all(b.entry.id) as {
      after: string | null;
    }[];
    expect(trail.at(-1)?.after).toBeNull();
    expect(JSON.parse(trail.at(-2)!.after!)).toMatchObject({ changeReason: 'double booked' });
    expect((await refusal('time.delete', { id: b.entry.id, reason: 'again' })).key).toBe('time.unknown');
  });

  it('refuses absurd, inverted and future times', async () => {
    const { incident } = await setUp();
    const bug = await incident('Certificate expired');
    setNow(T0 + 48 * 60 * MIN);
    const at = new Date(T0).toISOString();
    for (const minutes of [0, -5, 7 * 24 * 60 + 1, 1.5])
      expect((await refusal('time.log', { incidentId: bug.id, startedAt: at, minutes, confirmLong: true })).code).toBe('invalid_args');
    // Over a day is refused unless confirmed; confirmed, it is logged whole (raw minutes kept).
    expect(await refusal('time.log', { incidentId: bug.id, startedAt: at, minutes: 25 * 60 })).toMatchObject({
      key: 'time.confirmLong',
      issues: [{ path: 'endedAt', code: 'confirmLong' }],
    });
    const long = await call<{ entry: TimeEntryView }>('time.log', { incidentId: bug.id, startedAt: at, minutes: 25 * 60, confirmLong: true });
    expect(long.entry.minutes).toBe(25 * 60);
    await call('time.delete', { id: long.entry.id, reason: 'test entry' });
    const future = new Date(T0 + 48 * 60 * MIN - 10 * MIN).toISOString();
    expect((await refusal('time.log', { incidentId: bug.id, startedAt: future, minutes: 30 })).key).toBe('time.inFuture');
    const { entry } = await call<{ entry: TimeEntryView }>('time.log', { incidentId: bug.id, startedAt: at, minutes: 30 });
    expect((await refusal('time.update', { id: entry.id, reason: 'r', endedAt: at })).key).toBe('time.endBeforeStart');
    const tooLong = new Date(T0 + 25 * 60 * MIN).toISOString();
    expect((await refusal('time.update', { id: entry.id, reason: 'r', endedAt: tooLong })).key).toBe('time.confirmLong');
    const overAWeek = new Date(T0 + (7 * 24 * 60 + 1) * MIN).toISOString();
    setNow(T0 + 8 * 24 * 60 * MIN);
    expect((await refusal('time.update', { id: entry.id, reason: 'r', endedAt: overAWeek, confirmLong: true })).key).toBe('time.tooLong');
    setNow(T0 + 48 * 60 * MIN);
    const running = await call<TimeEntryView>('time.start', { incidentId: bug.id });
    expect((await refusal('time.update', { id: running.id, reason: 'r', endedAt: at })).key).toBe('time.stopFirst');
    // Nothing refused changed the stored entry.
    expect(getRowBy(engine.db, 'timeEntries', 'id', entry.id)).toMatchObject({
      endedAt: new Date(T0 + 30 * MIN).toISOString(),
      changeReason: null,
    });
  });
});

describe('time.list', () => {
  it('rounds per ticket per month at the contract increment, raw beside rounded, with totals per client', async () => {
    const { acme, other, incident } = await setUp();
    const [x, y, z] = [await incident('x'), await incident('y'), await incident('z')];
    setNow(T0 + 10 * 60 * MIN);
    const log = (args: object, offset: number) =>
      call('time.log', { ...args, startedAt: new Date(T0 + offset * MIN).toISOString(), minutes: 7 });
    for (const i of [0, 10, 20]) await log({ incidentId: x.id }, i);
    await log({ incidentId: y.id }, 30);
    await log({ incidentId: z.id }, 40);
    await log({ clientId: other }, 50);
    // A version from April on (5-minute increment) does not round March.
    await call('contracts.set', {
      clientId: acme,
      effectiveFrom: '2026-04-01',
      terms: { ...contractTemplate('prepaid'), billingIncrementMinutes: 5 },
    });
    const list = await call<TimeList>('time.list', { month: '2026-03' });
    expect(list.entries).toHaveLength(6);
    expect(list.truncated).toBe(false);
    const xLine = list.lines.find((l) => l.incidentId === x.id)!;
    expect(xLine).toMatchObject({ rawMinutes: 21, roundedMinutes: 30, incrementMinutes: 15, month: '2026-03' });
    expect(list.totals.find((t) => t.clientId === acme)).toEqual({
      clientId: acme,
      rawMinutes: 35,
      billableRawMinutes: 35,
      roundedMinutes: 60,
    });
    // No contract: nothing to round to, raw is what is shown.
    expect(list.totals.find((t) => t.clientId === other)).toMatchObject({ rawMinutes: 7, roundedMinutes: 7 });
    expect((await call<TimeList>('time.list', { month: '2026-03', clientId: other })).entries).toHaveLength(1);
    expect((await call<TimeList>('time.list', { month: '2026-02' })).entries).toHaveLength(0);
    const bounded = await call<TimeList>('time.list', { from: '2026-03-02', to: '2026-03-02', limit: 2 });
    expect(bounded).toMatchObject({ truncated: true });
    expect(bounded.entries).toHaveLength(2);
    expect((await refusal('time.list', { from: '2026-03-05', to: '2026-03-01' })).key).toBe('time.rangeOrder');
    expect((await refusal('time.list', { month: '2026-13' })).code).toBe('invalid_args');
    expect((await refusal('time.list', { limit: 100_000 })).code).toBe('invalid_args');
  });
});

describe('the heartbeat and the stale-timer question', () => {
  /** Closes the engine (as a kill would leave it: nothing more is written) and opens it again at `at`. */
  function restartAt(at: number): void {
    engine.close();
    let now = at;
    engine = openEngine({ dataDir, now: () => now });
    setNow = (ms) => (now = ms);
  }

  async function runningAfterNight() {
    const { incident } = await setUp();
    const bug = await incident('Backups fail');
    const entry = await call<TimeEntryView>('time.start', { incidentId: bug.id });
    setNow(T0 + 20 * MIN);
    engine.timers.beat();
    restartAt(T0 + 14 * 60 * MIN);
    return entry;
  }

  it('asks nothing after a short gap, and keeps the timer running across restarts', async () => {
    const { incident } = await setUp();
    const entry = await call<TimeEntryView>('time.start', { incidentId: (await incident('DNS')).id });
    // The CLI (an engine never started) leaves beating to the app.
    expect(heartbeatOf(engine.db, entry.id)).toBeUndefined();
    setNow(T0 + 5 * MIN);
    engine.timers.beat();
    restartAt(T0 + 12 * MIN);
    expect(await call('time.question', {})).toBeNull();
    expect(await call<TimeEntryView>('time.running', {})).toMatchObject({
      id: entry.id,
      startedAt: new Date(T0).toISOString(),
      minutes: 12,
    });
  });

  it('beats at once for a timer started in the running app, and asks after the machine slept with the app open', async () => {
    const { incident } = await setUp();
    engine.timers.start();
    const entry = await call<TimeEntryView>('time.start', { incidentId: (await incident('Mail')).id });
    expect(heartbeatOf(engine.db, entry.id)).toBe(new Date(T0).toISOString());
    setNow(T0 + MIN);
    engine.timers.beat();
    setNow(T0 + 3 * 60 * MIN);
    expect(await call('time.question', {})).toBeNull();
    engine.wake();
    expect(await call('time.question', {})).toMatchObject({
      entry: { id: entry.id },
      lastHeartbeatAt: new Date(T0 + MIN).toISOString(),
      gapMinutes: 179,
    });
    expect(heartbeatOf(engine.db, entry.id)).toBe(new Date(T0 + MIN).toISOString());
    const after = await call<TimeEntryView>('time.answer', { entryId: entry.id, answer: 'keep' });
    expect(after.endedAt).toBeNull();
    expect(heartbeatOf(engine.db, entry.id)).toBe(new Date(T0 + 3 * 60 * MIN).toISOString());
  });

  it('asks after a long gap; stopAtHeartbeat stops the timer at its last heartbeat', async () => {
    const entry = await runningAfterNight();
    const q = await call<{ entry: TimeEntryView; lastHeartbeatAt: string; gapMinutes: number }>('time.question', {});
    expect(q).toMatchObject({ entry: { id: entry.id }, lastHeartbeatAt: new Date(T0 + 20 * MIN).toISOString(), gapMinutes: 14 * 60 - 20 });
    // While the question stands, the heartbeat is not moved (the answer needs it).
    engine.timers.beat();
    expect(await call('time.answer', { entryId: entry.id, answer: 'stopAtHeartbeat' })).toBeNull();
    expect(getRowBy(engine.db, 'timeEntries', 'id', entry.id)).toMatchObject({
      endedAt: new Date(T0 + 20 * MIN).toISOString(),
      runningFor: null,
    });
    expect(await call('time.question', {})).toBeNull();
    expect((await refusal('time.answer', { entryId: entry.id, answer: 'keep' })).key).toBe('time.noQuestion');
  });

  it('splitGap stops at the heartbeat and starts a new entry now; keep keeps it', async () => {
    const entry = await runningAfterNight();
    const after = await call<TimeEntryView>('time.answer', { entryId: entry.id, answer: 'splitGap' });
    expect(after).toMatchObject({ incidentId: entry.incidentId, startedAt: new Date(T0 + 14 * 60 * MIN).toISOString(), endedAt: null });
    expect(getRowBy(engine.db, 'timeEntries', 'id', entry.id)?.endedAt).toBe(new Date(T0 + 20 * MIN).toISOString());
    // The new timer beats; a restart a day later asks about it.
    restartAt(T0 + 38 * 60 * MIN);
    const q = await call<{ entry: TimeEntryView }>('time.question', {});
    expect(q.entry.id).toBe(after.id);
    expect(await call<TimeEntryView>('time.answer', { entryId: after.id, answer: 'keep' })).toMatchObject({ id: after.id, endedAt: null });
    restartAt(T0 + 38 * 60 * MIN + 5 * MIN);
    expect(await call('time.question', {})).toBeNull();
  });
});
