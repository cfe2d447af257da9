import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { v4 as uuidv4 } from 'uuid';
import { type Engine, openEngine } from '../../core/engine/engine';
import { OfflineError, type SyncTransport } from '../../core/sync/transport';
import { tempDataDir } from '../../core/testSupport';
import { VangnetError } from '../../shared/errors';
import { addEngineer, authenticate, pairDevice } from '../../server/auth/devices';
import { freshServerDb } from '../../server/testSupport';
import { handleAuditTrail } from '../../server/sync/auditTrail';
import { computeChecksums } from '../../server/sync/checksums';
import { handlePull } from '../../server/sync/pull';
import { handlePush } from '../../server/sync/push';
import { Ledger } from '../../server/sync/ledger';
import type { ServerDb } from '../../server/db/connect';
import type { PushRequest } from '../../shared/sync/protocol';

/**
 * A model of the sync protocol under faults: three laptops (real engines on real SQLite files)
 * and a server (the real push/pull code on a real store), joined by a network that drops
 * requests and replies, duplicates and reorders pushes, lets the server die mid-push, kills
 * laptops mid-pull, and skews clocks. Invariant: every acknowledged mutation is applied exactly
 * once, nothing is lost, and once the faults stop every replica converges.
 */

interface Faults {
  dropRequest: boolean;
  dropReply: boolean;
  duplicate: boolean;
  replayOld: boolean;
  serverDies: boolean;
  crashMidPull: boolean;
}

type Op =
  | { kind: 'create'; laptop: number; priority: 'P1' | 'P2' | 'P3' | 'P4' }
  | { kind: 'edit'; laptop: number; pick: number; title: string }
  | { kind: 'sync'; laptop: number; faults: Faults }
  | { kind: 'restart'; laptop: number }
  | { kind: 'tick'; ms: number };

const faultsArb = fc.record({
  dropRequest: fc.boolean(),
  dropReply: fc.boolean(),
  duplicate: fc.boolean(),
  replayOld: fc.boolean(),
  serverDies: fc.boolean(),
  crashMidPull: fc.boolean(),
});
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      laptop: fc.nat(2),
      priority: fc.constantFrom('P1' as const, 'P2' as const, 'P3' as const, 'P4' as const),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      laptop: fc.nat(2),
      pick: fc.nat(),
      title: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0 && !/[\r\n]/.test(s)),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), laptop: fc.nat(2), faults: faultsArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), laptop: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 120_000 }) }) },
);

class Crash extends Error {}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function world(skews: number[]) {
  const { store, drop } = await freshServerDb('sqlite');
  cleanups.push(async () => {
    await store.close();
    await drop();
  });
  const base = Date.parse('2026-03-02T09:00:00Z');
  const clock = { t: base };
  const faults: { current: Faults | null } = { current: null };
  const sentPushes: PushRequest[] = [];

  function transportFor(token: string): SyncTransport {
    const auth = async () => {
      const a = await authenticate(store as ServerDb, token);
      if (!a) throw new VangnetError('unauthorized', 'server.badToken');
      return a;
    };
    return {
      pair: () => Promise.reject(new Error('not used')),
      async push(request) {
        const f = faults.current;
        if (f?.dropRequest) throw new OfflineError('request lost');
        const a = await auth();
        if (f?.replayOld && sentPushes.length > 0) {
          // An old request, delayed in the network, arrives now (reordering): harmless or a refused gap.
          await handlePush(store, a, sentPushes[0]!, clock.t).catch(() => undefined);
        }
        sentPushes.push(request);
        if (f?.serverDies) {
          // The server dies after writing but before committing: the whole push must roll back.
          const spy = vi.spyOn(Ledger.prototype, 'close').mockRejectedValueOnce(new Error('killed'));
          try {
            await handlePush(store, a, request, clock.t);
          } catch {
            // the transaction rolled back
          } finally {
            spy.mockRestore();
          }
          throw new OfflineError('server died mid-push');
        }
        const response = await handlePush(store, a, request, clock.t);
        if (f?.duplicate) await handlePush(store, a, request, clock.t);
        if (f?.dropReply) throw new OfflineError('reply lost');
        return response;
      },
      async pull(_clientId, after, limit, bootstrap) {
        const f = faults.current;
        if (f?.dropRequest) throw new OfflineError('request lost');
        const page = await handlePull(store, await auth(), after, Math.min(limit, 3), bootstrap);
        if (f?.dropReply) throw new OfflineError('reply lost');
        return page;
      },
      pullTable: async (_clientId, table, after, limit) => handlePull(store, await auth(), after, limit, false, table),
      checksums: async () => computeChecksums(store),
      auditTrail: async (entityId, before, limit) => handleAuditTrail(store, { entityId, before, limit }),
      live: () => ({ close: () => undefined }),
    };
  }

  const laptops: { dir: string; engine: Engine; token: string }[] = [];
  for (let i = 0; i < 3; i += 1) {
    const { pairingCode, engineer } = await addEngineer(
      store,
      { name: `Engineer ${i}`, email: `e${i}@agency.test`, role: 'engineer' },
      base,
    );
    const dir = tempDataDir();
    let token = '';
    const open = () => openEngine({ dataDir: dir, now: () => clock.t + (skews[i] ?? 0), transportFor: () => transportFor(token) });
    const engine = open();
    const paired = await pairDevice(store, { code: pairingCode, clientId: engine.deviceId, deviceName: `laptop ${i}` }, base);
    token = paired.token;
    engine.db.prepare(`INSERT INTO meta (key, value) VALUES ('sync.server', 'http://model'), ('sync.token', ?)`).run(token);
    // As `login` does: the laptop's profile becomes the paired engineer.
    engine.db
      .prepare(`INSERT INTO meta (key, value) VALUES ('profile', ?)`)
      .run(JSON.stringify({ engineerId: engineer.id, name: engineer.name }));
    laptops.push({ dir, engine, token });
    cleanups.push(() => laptops[i]!.engine.close());
    Object.assign(laptops[i]!, { reopen: open });
  }
  return { store, clock, faults, laptops: laptops as ((typeof laptops)[number] & { reopen: () => Engine })[] };
}

function snapshot(engine: Engine) {
  return engine.db.prepare('SELECT id, client_id, title, priority, status, field_versions FROM incidents ORDER BY id').all();
}

describe('sync protocol under faults (model-based)', () => {
  it('applies every acknowledged mutation exactly once and converges', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 5, maxLength: 30 }),
        fc.array(fc.integer({ min: -240_000, max: 240_000 }), { minLength: 3, maxLength: 3 }),
        async (ops, skews) => {
          const w = await world(skews);
          const clientId = uuidv4();
          w.laptops[0]!.engine.mutate('client.create', { id: clientId, name: 'Zorgplein', code: 'ZORG' });
          const created: string[] = [];
          // Every title ever written, with its HLC: the final title must be the newest one (LWW).
          const writes = new Map<string, { hlc: string; title: string }>();
          for (const op of ops) {
            const laptop = 'laptop' in op ? w.laptops[op.laptop]! : undefined;
            switch (op.kind) {
              case 'create': {
                const id = uuidv4();
                // Laptops that haven't pulled the client yet can't see it; the mutation then fails locally, as in real life.
                try {
                  const title = `Incident ${created.length}`;
                  const { hlc } = laptop!.engine.mutate('incident.create', { id, clientId, title, priority: op.priority });
                  created.push(id);
                  writes.set(id, { hlc, title });
                } catch {
                  // unknown client on this laptop
                }
                break;
              }
              case 'edit': {
                const local = snapshot(laptop!.engine) as { id: string }[];
                const target = local[op.pick % Math.max(local.length, 1)];
                if (target) {
                  const { hlc } = laptop!.engine.mutate('incident.update', { id: target.id, title: op.title });
                  const seen = writes.get(target.id);
                  if (!seen || hlc > seen.hlc) writes.set(target.id, { hlc, title: op.title.trim() });
                }
                break;
              }
              case 'sync': {
                w.faults.current = op.faults;
                if (op.faults.crashMidPull) {
                  // The laptop dies while applying a pulled page: its transaction rolls back.
                  const spy = vi.spyOn(laptop!.engine.db, 'transaction');
                  spy.mockImplementationOnce(() => {
                    throw new Crash('killed mid-pull');
                  });
                }
                await laptop!.engine.sync.syncNow().catch(() => undefined);
                vi.restoreAllMocks();
                w.faults.current = null;
                break;
              }
              case 'restart':
                laptop!.engine.close();
                laptop!.engine = laptop!.reopen();
                break;
              case 'tick':
                w.clock.t += op.ms;
                break;
            }
          }
          // The network heals; clocks too (a laptop far ahead is refused until fixed).
          for (let round = 0; round < 3; round += 1) {
            for (const l of w.laptops) await l.engine.sync.syncNow();
          }
          const states = w.laptops.map((l) => snapshot(l.engine));
          expect(states[1]).toEqual(states[0]);
          expect(states[2]).toEqual(states[0]);
          for (const l of w.laptops) {
            expect(l.engine.sync.status().pending).toBe(0);
            expect(l.engine.sync.status().rejected).toEqual([]);
            // Every table, not only the columns above, equals the server's (checksums at one seq).
            const verdict = await l.engine.sync.verify();
            expect(verdict).toMatchObject({ comparable: true, divergent: [] });
          }
          for (const row of states[0] as { id: string; title: string }[]) expect(row.title).toBe(writes.get(row.id)?.title);
          const dupes = await w.store.db
            .selectFrom('audit')
            .select(['client_id', 'mutation_id', 'entity_id'])
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .groupBy(['client_id', 'mutation_id', 'entity_id'])
            .having((eb) => eb.fn.countAll(), '>', 1)
            .execute();
          expect(dupes).toEqual([]);
          const serverIncidents = await w.store.db.selectFrom('incidents').select('id').execute();
          expect(serverIncidents.map((r) => r.id).sort()).toEqual([...created].sort());
          for (const c of cleanups.splice(0).reverse()) await c();
        },
      ),
      { numRuns: 60 },
    );
  }, 180_000);
});
