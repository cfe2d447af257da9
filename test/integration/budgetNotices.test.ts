import { afterEach, describe, expect, it } from 'vitest';
import { type Engine, openEngine } from '../../core/engine/engine';
import { tempDataDir } from '../../core/testSupport';
import { startTestServer } from '../../server/testSupport';
import type { EventPayload } from '../../shared/contract';
import { contractTemplate } from '../../shared/domain/contract';
import type { SyncVerifyResult } from '../../shared/sync/verify';
import { call } from './harness';

/**
 * Prepaid thresholds notify once (docs/billing.md, "Notified thresholds"): a notice is a row whose id
 * every laptop derives alike, so two laptops that notice the same threshold offline converge on one
 * row; a laptop that pulls another's notice together with the draws that reached it stays silent.
 */
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function laptops() {
  const server = await startTestServer('sqlite');
  cleanups.push(() => server.close());
  const out: { engine: Engine; alerts: EventPayload<'budget.alert'>[] }[] = [];
  for (const name of ['Sanne', 'Joris']) {
    const engine = openEngine({ dataDir: tempDataDir() });
    cleanups.push(() => engine.close());
    engine.ensureProfile(name);
    await call(engine, 'sync.login', { serverUrl: server.url, code: await server.engineer(name, undefined, 'lead') });
    const alerts: EventPayload<'budget.alert'>[] = [];
    engine.subscribe((event, payload) => {
      if (event === 'budget.alert') alerts.push(payload as EventPayload<'budget.alert'>);
    });
    engine.budgets.start();
    out.push({ engine, alerts });
  }
  const [a, b] = out as [(typeof out)[0], (typeof out)[0]];
  const client = await call<{ id: string }>(a.engine, 'clients.create', { name: 'Zorgplein', code: 'ZORG' });
  await call(a.engine, 'contracts.set', { clientId: client.id, effectiveFrom: '2020-01-01', terms: contractTemplate('prepaid') });
  await call(a.engine, 'budget.buy', { clientId: client.id, minutes: 600, purchasedOn: '2020-01-02' });
  await call(a.engine, 'sync.now');
  await call(b.engine, 'sync.now');
  const notices = (e: Engine) => e.db.prepare('SELECT id, threshold_percent FROM budget_notices').all();
  return { a, b, client: client.id, notices };
}

describe('notified prepaid thresholds across laptops', () => {
  it('two laptops that reach the same threshold offline end with one row each, the same', async () => {
    const { a, b, client, notices } = await laptops();
    // Each draws offline: each alone brings the bundle under 25 %.
    await call(a.engine, 'budget.adjust', { clientId: client, minutes: -480, reason: 'Afgeboekt A' });
    await call(b.engine, 'budget.adjust', { clientId: client, minutes: -480, reason: 'Afgeboekt B' });
    expect(a.alerts.map((x) => x.thresholdPercent)).toEqual([25]);
    expect(b.alerts.map((x) => x.thresholdPercent)).toEqual([25]);
    for (const laptop of [a, b, a, b]) await call(laptop.engine, 'sync.now');
    // Together they drew 960 of 600: 10 % and 0 are reached too, noticed by whichever saw it first.
    expect(notices(a.engine)).toHaveLength(3);
    expect(notices(b.engine)).toEqual(notices(a.engine));
    for (const laptop of [a, b]) {
      expect(await call<SyncVerifyResult>(laptop.engine, 'sync.verify')).toMatchObject({ comparable: true, divergent: [] });
    }
    // Each laptop announced each threshold once at most. Both may announce the same one: B stored 10 %
    // and 0 after its pull, and A pulled B's draw before B had pushed those notices (the documented race).
    for (const laptop of [a, b]) {
      const said = laptop.alerts.map((x) => x.thresholdPercent);
      expect(new Set(said).size).toBe(said.length);
    }
    for (const laptop of [a, b, a, b]) await call(laptop.engine, 'sync.now');
    const before = a.alerts.length + b.alerts.length;
    await call(a.engine, 'budget.adjust', { clientId: client, minutes: -15, reason: 'Nog een kwartier' });
    await call(a.engine, 'sync.now');
    await call(b.engine, 'sync.now');
    expect(a.alerts.length + b.alerts.length).toBe(before);
  });

  it('a laptop that pulls the draws with the notice another laptop stored says nothing', async () => {
    const { a, b, client, notices } = await laptops();
    await call(a.engine, 'budget.adjust', { clientId: client, minutes: -480, reason: 'Afgeboekt' });
    expect(a.alerts).toHaveLength(1);
    await call(a.engine, 'sync.now');
    await call(b.engine, 'sync.now');
    expect(notices(b.engine)).toHaveLength(1);
    expect(b.alerts).toEqual([]);
  });
});
