import { afterEach, describe, expect, it } from 'vitest';
import { type Engine, openEngine } from '../../core/engine/engine';
import { tempDataDir } from '../../core/testSupport';
import { startTestServer } from '../../server/testSupport';
import type { SyncVerifyResult } from '../../shared/sync/verify';
import { call } from './harness';

/**
 * A defect the 20-laptop harness found (manyLaptops.test.ts): two laptops raise the same incident to
 * the same priority offline. Each laptop records a "priority" timeline entry; the server, re-running
 * the second push against a row already at that priority, records none. The laptop now drops, once
 * its pull has passed the push's head, the entries of its pushed mutations the server did not send
 * (core/sync/timelineConfirm.ts), so every laptop ends with the server's timeline.
 */
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('concurrent priority changes', () => {
  it('leave every laptop with the timeline entries the server has', async () => {
    const server = await startTestServer('sqlite');
    cleanups.push(() => server.close());
    const laptops: Engine[] = [];
    for (const name of ['Sanne', 'Joris']) {
      const engine = openEngine({ dataDir: tempDataDir() });
      cleanups.push(() => engine.close());
      engine.ensureProfile(name);
      await call(engine, 'sync.login', { serverUrl: server.url, code: await server.engineer(name) });
      laptops.push(engine);
    }
    const [a, b] = laptops as [Engine, Engine];
    const client = await call<{ id: string }>(a, 'clients.create', { name: 'Zorgplein', code: 'ZORG' });
    const incident = await call<{ id: string }>(a, 'incidents.create', { clientId: client.id, title: 'Plat', priority: 'P3' });
    await call(a, 'sync.now');
    await call(b, 'sync.now');

    await call(a, 'incidents.update', { id: incident.id, priority: 'P1' });
    await call(b, 'incidents.update', { id: incident.id, priority: 'P1' });
    for (const laptop of [a, b, a, b]) await call(laptop, 'sync.now');

    for (const laptop of [a, b]) {
      expect(await call<SyncVerifyResult>(laptop, 'sync.verify')).toMatchObject({ comparable: true, divergent: [] });
    }
  });
});
