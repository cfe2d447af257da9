import { afterEach, describe, expect, it } from 'vitest';
import { type Engine, openEngine } from '../../core/engine/engine';
import { tempDataDir } from '../../core/testSupport';
import type { IncidentDetail } from '../../shared/contract';
import type { TimeList } from '../../shared/contract/time';
import type { TimelineEntry } from '../../shared/domain/lifecycle';
import { startTestServer, type TestServer } from '../../server/testSupport';
import { call } from './harness';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function laptop(s: TestServer, name: string): Promise<Engine> {
  const engine = openEngine({ dataDir: tempDataDir() });
  engine.ensureProfile('local');
  cleanups.push(() => engine.close());
  await call(engine, 'sync.login', { serverUrl: s.url, code: await s.engineer(name, undefined, 'lead') });
  return engine;
}

/** A merge made on one laptop arrives whole on the other: tickets closed and pointing, entries moved, the timeline joined. */
describe('a merge between two laptops', () => {
  it('moves the entries on the other laptop after its pull', async () => {
    const s = await startTestServer('sqlite');
    cleanups.push(() => s.close());
    const a = await laptop(s, 'Sanne');
    const b = await laptop(s, 'Joris');
    const client = await call<{ id: string }>(a, 'clients.create', { name: 'Acme', code: 'ACME' });
    const ticket = (title: string) => call<IncidentDetail>(a, 'incidents.create', { clientId: client.id, title, priority: 'P3' });
    const survivor = await ticket('Eerste vraag');
    const small = await ticket('Tweede vraag');
    await call(a, 'incidents.note', { id: small.id, body: 'Klein dingetje' });
    await call(a, 'time.log', { incidentId: small.id, startedAt: '2026-01-05T09:00:00Z', minutes: 7 });
    await call(a, 'sync.now');
    await call(b, 'sync.now');
    // Joris logs on the small ticket too, offline, before the merge reaches him.
    await call(b, 'time.log', { incidentId: small.id, startedAt: '2026-01-05T10:00:00Z', minutes: 5 });

    await call(a, 'bundling.merge', { survivorId: survivor.id, mergedIds: [small.id] });
    await call(a, 'sync.now');
    await call(b, 'sync.now');
    await call(a, 'sync.now');

    for (const engine of [a, b]) {
      expect(await call(engine, 'incidents.get', { id: small.id })).toMatchObject({ status: 'closed', mergedInto: survivor.id });
      const timeline = await call<TimelineEntry[]>(engine, 'incidents.timeline', { id: survivor.id });
      expect(timeline.map((e) => e.data.kind)).toEqual(['note', 'mergedFrom']);
      const time = await call<TimeList>(engine, 'time.list', { clientId: client.id, from: '2026-01-05', to: '2026-01-05' });
      // Sanne's entry moved; Joris's, logged before the merge arrived, stays on the merged ticket (see docs/billing.md).
      const at = (iso: string) => time.entries.find((e) => e.startedAt === iso)!.incidentId;
      expect(at('2026-01-05T09:00:00.000Z')).toBe(survivor.id);
      expect(at('2026-01-05T10:00:00.000Z')).toBe(small.id);
    }
  });
});
