import { afterEach, describe, expect, it } from 'vitest';
import { prng } from '../../core/demo/generator';
import { type Engine, openEngine } from '../../core/engine/engine';
import { tempDataDir } from '../../core/testSupport';
import { DIALECTS, startTestServer } from '../../server/testSupport';
import type { SyncVerifyResult } from '../../shared/sync/verify';
import { call, harnessSeed, soakOr } from './harness';

/**
 * Twenty laptops (engines on real SQLite files) edit the same incidents offline — the same fields
 * included — and then all sync at once through one office server, round after round. In the end
 * every laptop holds exactly the server's rows: the same checksum for every table.
 */
const LAPTOPS = 20;
const ROUNDS = soakOr(3, 15);
const EDITS = 4; // per laptop per round
const SHARED = 5; // incidents every laptop edits
const seed = harnessSeed(20);

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const syncAll = (laptops: Engine[]) => Promise.all(laptops.map((l) => call(l, 'sync.now')));

describe.each(DIALECTS)(`${LAPTOPS} laptops syncing at once through one %s server`, (dialect) => {
  // On PostgreSQL a laptop used to end now and then with an incident row differing in updatedAt alone
  // (shared/mutations/updatedAt.test.ts): concurrent pushes there reach the server in any order.
  it(`converge on identical tables after ${ROUNDS} rounds of concurrent offline edits`, async () => {
    const rand = prng(seed);
    const pick = (items: readonly string[]): string => items[Math.floor(rand() * items.length)]!;
    const server = await startTestServer(dialect);
    cleanups.push(() => server.close());
    const laptops: Engine[] = [];
    for (let i = 0; i < LAPTOPS; i += 1) {
      const engine = openEngine({ dataDir: tempDataDir() });
      cleanups.push(() => engine.close());
      engine.ensureProfile(`engineer ${i}`);
      await call(engine, 'sync.login', { serverUrl: server.url, code: await server.engineer(`Engineer ${i}`) });
      laptops.push(engine);
    }
    const first = laptops[0]!;
    const client = await call<{ id: string }>(first, 'clients.create', { name: 'Zorgplein', code: 'ZORG' });
    const shared: string[] = [];
    for (let i = 0; i < SHARED; i += 1) {
      shared.push((await call<{ id: string }>(first, 'incidents.create', { clientId: client.id, title: `Gedeeld ${i}`, priority: 'P3' })).id);
    }
    await call(first, 'sync.now');
    await syncAll(laptops);

    let edits = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [n, laptop] of laptops.entries()) {
        for (let e = 0; e < EDITS; e += 1) {
          const what = rand();
          const id = pick(shared);
          if (what < 0.4) await call(laptop, 'incidents.update', { id, title: `r${round} l${n} e${e}` });
          // Often the priority another laptop set first: the server then makes no timeline entry.
          else if (what < 0.5) await call(laptop, 'incidents.update', { id, priority: pick(['P1', 'P2']) });
          else if (what < 0.7) await call(laptop, 'incidents.update', { id, description: `l${n} r${round}` });
          else if (what < 0.9) await call(laptop, 'incidents.reply', { id, body: `Antwoord van ${n} in ronde ${round}` });
          else await call(laptop, 'incidents.create', { clientId: client.id, title: `Nieuw r${round} l${n}`, priority: 'P4' });
          edits += 1;
        }
      }
      await syncAll(laptops);
    }
    // One more round for everyone to pull what the others pushed after their last pull.
    await syncAll(laptops);

    const verdicts = await Promise.all(laptops.map((l) => call<SyncVerifyResult>(l, 'sync.verify')));
    for (const v of verdicts) expect(v, JSON.stringify(v)).toMatchObject({ comparable: true, pending: 0, divergent: [] });
    const checksums = verdicts.map((v) => v.tables.map((t) => ({ table: t.table, ...t.local })));
    for (const c of checksums) expect(c).toEqual(checksums[0]);
    const rows = Object.fromEntries(verdicts[0]!.tables.map((t) => [t.table, t.local.count]));
    process.stdout.write(`manyLaptops ${dialect}: ${LAPTOPS} laptops, ${edits} offline edits in ${ROUNDS} rounds, identical: ${JSON.stringify(rows)}\n`);
  }, ROUNDS * 60_000); // 180 s for the 3 rounds of `npm test`; a soak gets its count's share
});
