import { afterEach, describe, expect, it } from 'vitest';
import { openEngine } from '../../core/engine/engine';
import { tempDataDir } from '../../core/testSupport';
import { processAlerts } from '../../server/alerts/process';
import { writeAlertSettings } from '../../server/alerts/repo';
import { firing, resolved } from '../../server/alerts/testAlerts';
import { startTestServer } from '../../server/testSupport';
import type { SyncVerifyResult } from '../../shared/sync/verify';
import { call } from './harness';

/** An incident the office server opens from an alert reaches a laptop by the normal pull (docs/alerts-routing.md). */
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('alert incidents on a laptop', () => {
  it('a laptop pulls the incident an alert opened, its grouped note and its resolution, made by the system', async () => {
    const server = await startTestServer('sqlite');
    cleanups.push(() => server.close());
    const engine = openEngine({ dataDir: tempDataDir() });
    cleanups.push(() => engine.close());
    engine.ensureProfile('Sanne');
    await call(engine, 'sync.login', { serverUrl: server.url, code: await server.engineer('Sanne') });
    const client = await call<{ id: string }>(engine, 'clients.create', { name: 'Zorgplein', code: 'ZORG' });
    await call(engine, 'sync.now');

    const ctx = { store: server.store, mutations: server.server.mutations, now: Date.now };
    await writeAlertSettings(server.store.db, { defaultClientId: client.id });
    const g = { groupKey: 'g' };
    const [incidentId] = (await processAlerts(ctx, 'am', [firing('a', g), firing('b', g), firing('a', g)])).incidentIds;
    await call(engine, 'sync.now');
    const row = engine.db.prepare('SELECT client_id, created_by, category, priority, status FROM incidents WHERE id = ?').get(incidentId);
    expect(row).toEqual({ client_id: client.id, created_by: 'system', category: 'monitoring', priority: 'P1', status: 'new' });

    await processAlerts(ctx, 'am', [resolved('a', g), resolved('b', g)]);
    await call(engine, 'sync.now');
    const events = engine.db.prepare('SELECT data, actor_id FROM incident_events WHERE incident_id = ? ORDER BY hlc').all(incidentId) as {
      data: string;
      actor_id: string;
    }[];
    expect(events.map((e) => (JSON.parse(e.data) as { kind: string }).kind)).toEqual(['note', 'note', 'note', 'status']);
    expect(new Set(events.map((e) => e.actor_id))).toEqual(new Set(['system']));
    expect(engine.db.prepare('SELECT status FROM incidents WHERE id = ?').get(incidentId)).toEqual({ status: 'resolved' });
    expect(await call<SyncVerifyResult>(engine, 'sync.verify')).toMatchObject({ comparable: true, divergent: [] });
  });
});
