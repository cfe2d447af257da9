import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../core/engine/dispatch';
import { type Engine, openEngine } from '../../core/engine/engine';
import { tempDataDir } from '../../core/testSupport';
import { monthOfInstant } from '../../shared/billing/month';
import { billedLines } from '../../shared/billing/rounding';
import type { StatementView } from '../../shared/contract/statement';
import { startTestServer, type TestServer } from '../../server/testSupport';
import { call, harnessSeed } from './harness';

/**
 * A model of time tracking on two laptops that work offline (issue 11): each logs, edits and
 * deletes entries, starts and stops timers, merges tickets (their entries move) and moves tickets
 * across the scope line, with syncs in between in random order. Then everyone syncs to quiescence.
 * Invariant: every live entry is on each laptop and the server exactly once, alike everywhere, and
 * the month statement and the prepaid ledger count each entry's minutes exactly once.
 */

const TICKETS = 4;
const ZONE = 'Europe/Amsterdam';
/**
 * What the server may refuse after both laptops acted offline on the same ticket or entry: a
 * conflict (a ticket merged or converted first elsewhere) or a row gone (an entry edited here and
 * deleted there: the deletion wins). Never a bad argument, a permission or an internal error.
 */
const REFUSABLE = ['conflict', 'not_found'];

type Op =
  | { kind: 'log'; laptop: number; ticket: number; minutesAgo: number; minutes: number; billable: boolean }
  | { kind: 'edit'; laptop: number; pick: number; change: 'billable' | 'start' | 'end' }
  | { kind: 'delete'; laptop: number; pick: number }
  | { kind: 'start'; laptop: number; ticket: number }
  | { kind: 'stop'; laptop: number }
  | { kind: 'merge'; laptop: number; survivor: number; merged: number }
  | { kind: 'scope'; laptop: number; ticket: number; to: 'change' | 'support' }
  | { kind: 'sync'; laptop: number }
  | { kind: 'tick'; minutes: number };

const laptop = fc.nat(1);
const ticket = fc.nat(TICKETS - 1);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('log' as const),
      laptop,
      ticket,
      minutesAgo: fc.integer({ min: 60, max: 3 * 24 * 60 }),
      minutes: fc.integer({ min: 1, max: 50 }),
      billable: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), laptop, pick: fc.nat(), change: fc.constantFrom('billable' as const, 'start' as const, 'end' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), laptop, pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('start' as const), laptop, ticket }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('stop' as const), laptop }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), laptop, survivor: ticket, merged: ticket }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('scope' as const), laptop, ticket, to: fc.constantFrom('change' as const, 'support' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), laptop }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const), minutes: fc.integer({ min: 1, max: 90 }) }) },
);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface EntryRow {
  id: string;
  incidentId: string | null;
  startedAt: string;
  endedAt: string | null;
  billable: number;
  scope: 'support' | 'change_request';
}

const ENTRY_SQL = 'SELECT id, incident_id AS incidentId, started_at AS startedAt, ended_at AS endedAt, billable, scope FROM time_entries ORDER BY id';
const liveEntries = (engine: Engine) => engine.db.prepare(ENTRY_SQL).all() as EntryRow[];

async function world() {
  const clock = { t: Date.parse('2026-03-30T09:00:00Z') };
  const server: TestServer = await startTestServer('sqlite', () => clock.t);
  cleanups.push(() => server.close());
  const laptops: Engine[] = [];
  for (const name of ['Sanne', 'Joris']) {
    const engine = openEngine({ dataDir: tempDataDir(), now: () => clock.t });
    engine.ensureProfile('local');
    cleanups.push(() => engine.close());
    // Leads: a merge may move the other engineer's entries, as it does in an office.
    await call(engine, 'sync.login', { serverUrl: server.url, code: await server.engineer(name, undefined, 'lead') });
    await call(engine, 'sync.now');
    laptops.push(engine);
  }
  const [a, b] = laptops as [Engine, Engine];
  const client = await call<{ id: string }>(a, 'clients.create', { name: 'Bakkerij de Vries', code: 'BAKKER' });
  const terms = await call<object>(a, 'contracts.template', { costModel: 'prepaid' });
  await call(a, 'contracts.set', { clientId: client.id, effectiveFrom: '2026-01-01', terms });
  await call(a, 'budget.buy', { clientId: client.id, minutes: 60_000, purchasedOn: '2026-01-01' });
  const tickets: string[] = [];
  for (let i = 0; i < TICKETS; i += 1) {
    const t = await call<{ id: string }>(a, 'incidents.create', { clientId: client.id, title: `Melding ${i}`, priority: 'P3', openedAt: '2026-03-01T08:00:00Z' });
    tickets.push(t.id);
  }
  await call(a, 'sync.now');
  await call(b, 'sync.now');
  return { clock, server, laptops, clientId: client.id, tickets };
}

/** Runs one op on a laptop; a refusal (an entry it has not pulled, a ticket merged already) is what a person would see, not a failure. */
async function run(w: Awaited<ReturnType<typeof world>>, op: Op): Promise<void> {
  if (op.kind === 'tick') {
    w.clock.t += op.minutes * 60_000;
    return;
  }
  const engine = w.laptops[op.laptop]!;
  const finished = () => liveEntries(engine).filter((e) => e.endedAt !== null);
  const iso = (ms: number) => new Date(ms).toISOString();
  switch (op.kind) {
    case 'log':
      await dispatch(engine, 'time.log', {
        incidentId: w.tickets[op.ticket],
        startedAt: iso(w.clock.t - op.minutesAgo * 60_000),
        minutes: op.minutes,
        billable: op.billable,
      });
      return;
    case 'edit': {
      const all = finished();
      const e = all[op.pick % Math.max(all.length, 1)];
      if (!e) return;
      const change =
        op.change === 'billable'
          ? { billable: !e.billable }
          : op.change === 'start'
            ? { startedAt: iso(Date.parse(e.startedAt) - 5 * 60_000) }
            : { endedAt: iso(Date.parse(e.endedAt!) + 60_000) };
      await dispatch(engine, 'time.update', { id: e.id, reason: 'Correctie', ...change });
      return;
    }
    case 'delete': {
      const all = liveEntries(engine);
      const e = all[op.pick % Math.max(all.length, 1)];
      if (e) await dispatch(engine, 'time.delete', { id: e.id, reason: 'Dubbel geboekt' });
      return;
    }
    case 'start':
      await dispatch(engine, 'time.start', { incidentId: w.tickets[op.ticket] });
      return;
    case 'stop':
      await dispatch(engine, 'time.stop', {});
      return;
    case 'merge':
      if (op.survivor !== op.merged) await dispatch(engine, 'bundling.merge', { survivorId: w.tickets[op.survivor], mergedIds: [w.tickets[op.merged]] });
      return;
    case 'scope':
      if (op.to === 'change') await dispatch(engine, 'changeRequests.convert', { id: w.tickets[op.ticket] });
      else await dispatch(engine, 'changeRequests.toSupport', { id: w.tickets[op.ticket], category: 'bugfix' });
      return;
    case 'sync':
      await dispatch(engine, 'sync.now', {});
      return;
  }
}

/** The invariant after quiescence: the same live entries everywhere, nothing pending, the stores equal to the server's. */
async function settle(w: Awaited<ReturnType<typeof world>>): Promise<EntryRow[]> {
  for (let round = 0; round < 3; round += 1) for (const l of w.laptops) await call(l, 'sync.now');
  const [a, b] = w.laptops.map(liveEntries) as [EntryRow[], EntryRow[]];
  expect(b).toEqual(a);
  for (const l of w.laptops) expect(await l.sync.verify()).toMatchObject({ comparable: true, divergent: [] });
  return a;
}

describe('time entries on two offline laptops (model-based)', () => {
  it('takes the server’s scope for a timer started offline on a ticket the other laptop made a change request (found by the model)', async () => {
    const w = await world();
    for (const op of [
      { kind: 'scope', laptop: 0, ticket: 0, to: 'change' },
      { kind: 'start', laptop: 1, ticket: 0 },
      { kind: 'sync', laptop: 0 },
    ] as Op[])
      await run(w, op);
    const entries = await settle(w);
    expect(entries.map((e) => e.scope)).toEqual(['change_request']);
  });

  it('puts back the entries a refused merge moved: the other laptop merged the ticket first (found by the model)', async () => {
    const w = await world();
    for (const op of [
      { kind: 'log', laptop: 1, ticket: 0, minutesAgo: 60, minutes: 1, billable: true },
      { kind: 'merge', laptop: 1, survivor: 1, merged: 0 },
      { kind: 'merge', laptop: 0, survivor: 2, merged: 0 },
      { kind: 'sync', laptop: 0 },
    ] as Op[])
      await run(w, op);
    const entries = await settle(w);
    // The server took laptop 0's merge first and refused laptop 1's: the entry stays where the server has it.
    expect(entries.map((e) => e.incidentId)).toEqual([w.tickets[0]]);
    expect(w.laptops[1]!.sync.status().rejected.map((r) => r.key)).toEqual(['merge.alreadyMerged']);
  });

  it('leaves a ticket as the server has it after a refused merge: the other laptop merged the other way first (found by the model)', async () => {
    const w = await world();
    for (const op of [
      { kind: 'merge', laptop: 0, survivor: 0, merged: 3 },
      { kind: 'merge', laptop: 1, survivor: 3, merged: 0 },
      { kind: 'tick', minutes: 1 },
      { kind: 'scope', laptop: 0, ticket: 0, to: 'change' },
      { kind: 'tick', minutes: 1 },
      { kind: 'sync', laptop: 0 },
    ] as Op[])
      await run(w, op);
    // The server took laptop 0's merge (3 into 0) and refused laptop 1's (0 into 3): the undo unstamps
    // `mergedInto` of ticket 0, which the server never stamped, so verify finds the stores alike.
    await settle(w);
    expect(w.laptops[1]!.sync.status().rejected.map((r) => r.key)).toEqual(['merge.alreadyMerged']);
    const row = (id: string) => w.laptops[1]!.db.prepare('SELECT merged_into AS mergedInto, category FROM incidents WHERE id = ?').get(id);
    expect(row(w.tickets[0]!)).toEqual({ mergedInto: null, category: 'new_functionality' });
    expect(row(w.tickets[3]!)).toEqual({ mergedInto: w.tickets[0], category: null });
  });

  it('keeps every live entry once everywhere, and bills each one’s minutes once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 40 }), async (ops) => {
        const w = await world();
        for (const op of ops) await run(w, op);
        // Quiescence: the network heals and every laptop syncs until nothing moves.
        for (let round = 0; round < 3; round += 1) for (const l of w.laptops) await call(l, 'sync.now');

        const [a, b] = w.laptops.map(liveEntries) as [EntryRow[], EntryRow[]];
        const ids = a.map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(b).toEqual(a);
        const onServer = await w.server.store.db.selectFrom('time_entries').select('id').execute();
        expect(onServer.map((r) => r.id).sort()).toEqual([...ids].sort());
        for (const l of w.laptops) {
          // Such a refusal is shown to the user and the laptop undoes its own copy of the change.
          expect(l.sync.status().pending).toBe(0);
          for (const r of l.sync.status().rejected) expect(REFUSABLE).toContain(r.code);
          expect(await l.sync.verify()).toMatchObject({ comparable: true, divergent: [] });
        }

        // Independently of the engine's billing reads: the finished entries of the store, by month.
        const finished = a.filter((e) => e.endedAt !== null);
        const minutesOf = (e: EntryRow) => Math.floor((Date.parse(e.endedAt!) - Date.parse(e.startedAt)) / 60_000);
        const months = [...new Set(finished.map((e) => monthOfInstant(Date.parse(e.startedAt), ZONE)))];
        for (const month of months) {
          const mine = finished.filter((e) => monthOfInstant(Date.parse(e.startedAt), ZONE) === month && minutesOf(e) > 0);
          const expected = billedLines(
            mine.map((e) => ({ id: e.id, ticketId: e.incidentId, startedAt: e.startedAt, minutes: minutesOf(e), billable: e.billable === 1, scope: e.scope })),
            { incrementMinutes: 15, timeZone: ZONE },
          );
          const supportRounded = expected.filter((l) => l.scope === 'support').reduce((s, l) => s + l.roundedMinutes, 0);
          for (const l of w.laptops) {
            const s = await call<StatementView>(l, 'statement.forClient', { clientId: w.clientId, month });
            const lines = [...s.support, ...s.changeRequests];
            expect(s.incrementMinutes).toBe(15);
            expect(lines.reduce((n, x) => n + x.entryCount, 0)).toBe(mine.length);
            expect(lines.reduce((n, x) => n + x.rawMinutes, 0)).toBe(mine.reduce((n, e) => n + minutesOf(e), 0));
            expect(s.supportTotal.roundedMinutes).toBe(supportRounded);
            // The prepaid ledger draws the month's rounded support minutes once.
            expect(s.prepaid?.drawnMinutes).toBe(supportRounded);
          }
        }
        for (const c of cleanups.splice(0).reverse()) await c();
      }),
      { numRuns: 25, seed: harnessSeed(20261103) },
    );
  }, 240_000);
});
