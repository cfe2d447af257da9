import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { StaleTimerQuestion, TimeEntryView } from '../../../shared/contract/time';
import { fail, ok, type Result } from '../../../shared/errors';
import { createTimerSlice, type TimerSlice } from './timerSlice';
import type { Store } from './types';

function entry(over: Partial<TimeEntryView> = {}): TimeEntryView {
  return {
    id: 'te-1',
    engineerId: 'eng-1',
    clientId: 'cli-1',
    incidentId: 'inc-1',
    startedAt: '2026-12-03T08:00:00.000Z',
    endedAt: null,
    runningFor: 'eng-1',
    note: '',
    billable: true,
    scope: 'support',
    changeReason: null,
    createdAt: '2026-12-03T08:00:00.000Z',
    createdBy: 'eng-1',
    minutes: 0,
    ...over,
  };
}

/** A fake engine: each call answers what the test put in `answers`, and records what it was asked. */
function fakeEngine(answers: Record<string, (args: unknown) => Result<unknown>>) {
  const calls: { name: string; args: unknown }[] = [];
  const group = (ns: string) =>
    new Proxy(
      {},
      {
        get: (_, method: string) => (args: unknown) => {
          const name = `${ns}.${method}`;
          calls.push({ name, args });
          const answer = answers[name];
          return Promise.resolve(answer ? answer(args) : fail('unknown_call', 'call.unknown'));
        },
      },
    );
  const api = new Proxy({}, { get: (_, ns: string) => group(ns) });
  return { api, calls };
}

function makeStore(selectedId: string | null = null) {
  return createStore<Store>()(
    (...a) =>
      ({
        clients: [{ id: 'cli-1', code: 'BAKK', name: 'Bakkerij', openIncidents: 1 }],
        selectedId,
        ...createTimerSlice(...a),
      }) as unknown as Store,
  );
}

const incidentDetail = ok({ id: 'inc-1', title: 'Checkout 502', clientCode: 'BAKK' });

describe('timer slice', () => {
  const g = globalThis as { window?: unknown };
  beforeEach(() => {
    g.window = {};
  });
  afterEach(() => {
    delete g.window;
  });
  const install = (answers: Parameters<typeof fakeEngine>[0]) => {
    const engine = fakeEngine(answers);
    g.window = { vangnet: engine.api };
    return engine;
  };

  it('loads the running timer from the engine and names its incident', async () => {
    install({ 'time.running': () => ok(entry()), 'incidents.get': () => incidentDetail });
    const store = makeStore();
    await store.getState().loadTimer();
    expect(store.getState().running?.id).toBe('te-1');
    await expect.poll(() => store.getState().runningTarget).toEqual({ clientCode: 'BAKK', incidentTitle: 'Checkout 502' });
  });

  it('names a timer on a client without incident by its code', async () => {
    install({ 'time.running': () => ok(entry({ incidentId: null })) });
    const store = makeStore();
    await store.getState().loadTimer();
    await expect.poll(() => store.getState().runningTarget).toEqual({ clientCode: 'BAKK', incidentTitle: null });
  });

  it('keeps a refused start on screen and changes nothing', async () => {
    const { calls } = install({ 'time.start': () => fail('conflict', 'billing.overrunBlocked', { client: 'BAKK', overrun: 2 }) });
    const store = makeStore('inc-1');
    expect(await store.getState().toggleTimer()).toBe(false);
    expect(calls.map((c) => c.name)).toEqual(['time.start']);
    expect(calls[0]?.args).toEqual({ incidentId: 'inc-1' });
    const state = store.getState() as unknown as TimerSlice;
    expect(state.running).toBeNull();
    expect(state.timerAction).toMatchObject({ pending: null, failed: 'start', error: { code: 'conflict', key: 'billing.overrunBlocked' } });
  });

  it('the key stops the timer running on the selected incident', async () => {
    const { calls } = install({ 'time.stop': () => ok(entry({ endedAt: '2026-12-03T09:00:00.000Z' })) });
    const store = makeStore('inc-1');
    store.setState({ running: entry({ startedAt: new Date(Date.now() - 3_600_000).toISOString() }) });
    expect(await store.getState().toggleTimer()).toBe(true);
    expect(calls.map((c) => c.name)).toEqual(['time.stop']);
    expect(store.getState().running).toBeNull();
    expect(store.getState().runningTarget).toBeNull();
  });

  it('a timer over 24 hours is stopped only after a confirmation, by the key or the button', async () => {
    const { calls } = install({ 'time.stop': () => ok(entry({ endedAt: '2026-12-03T09:00:00.000Z' })) });
    const store = makeStore('inc-1');
    store.setState({ running: entry({ startedAt: new Date(Date.now() - 25 * 3_600_000).toISOString() }) });
    expect(await store.getState().toggleTimer()).toBe(false);
    expect(store.getState().longStop).toBe(true);
    store.getState().cancelLongStop();
    expect(store.getState().longStop).toBe(false);
    expect(calls).toEqual([]);
    expect(await store.getState().stopTimer(true)).toBe(true);
    expect(calls.map((c) => c.name)).toEqual(['time.stop']);
    expect(store.getState().longStop).toBe(false);
    expect(store.getState().running).toBeNull();
  });

  it('a second start while one is on its way is dropped', async () => {
    const { calls } = install({ 'time.start': () => ok(entry()), 'incidents.get': () => incidentDetail });
    const store = makeStore('inc-1');
    store.setState({ timerAction: { pending: 'start', error: null, failed: null } });
    expect(await store.getState().startTimer({ incidentId: 'inc-1' })).toBe(false);
    expect(calls).toEqual([]);
  });

  it('answers the stale question and clears it; a refused answer keeps it and asks again', async () => {
    const question: StaleTimerQuestion = {
      entry: entry(),
      lastHeartbeatAt: '2026-12-03T08:30:00.000Z',
      gapMinutes: 180,
      answers: ['stopAtHeartbeat', 'keep', 'splitGap'],
    };
    const { calls } = install({
      'time.question': () => ok(question),
      'time.answer': (args) =>
        (args as { answer: string }).answer === 'keep' ? fail('not_found', 'time.noQuestion', { id: 'te-1' }) : ok(entry({ id: 'te-2' })),
      'incidents.get': () => incidentDetail,
    });
    const store = makeStore();
    await store.getState().loadStaleQuestion();
    expect(store.getState().staleQuestion?.gapMinutes).toBe(180);

    expect(await store.getState().answerStaleQuestion('keep')).toBe(false);
    expect(store.getState().timerAction.failed).toBe('answer');
    expect(store.getState().staleQuestion).not.toBeNull();

    expect(await store.getState().answerStaleQuestion('splitGap')).toBe(true);
    expect(calls.filter((c) => c.name === 'time.answer').at(-1)?.args).toEqual({ entryId: 'te-1', answer: 'splitGap' });
    expect(store.getState().staleQuestion).toBeNull();
    expect(store.getState().running?.id).toBe('te-2');
  });

  it('an unreachable engine is an error value, not a throw', async () => {
    g.window = {};
    const store = makeStore('inc-1');
    expect(await store.getState().startTimer({ incidentId: 'inc-1' })).toBe(false);
    expect(store.getState().timerAction.error?.code).toBe('internal');
  });
});
