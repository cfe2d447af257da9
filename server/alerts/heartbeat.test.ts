import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../testSupport';
import { checkHeartbeats, recordHeartbeat } from './heartbeat';
import { addHeartbeatMonitor, listHeartbeatMonitors, writeAlertSettings } from './repo';
import { alertFixture } from './testAlerts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const MIN = 60_000;

describe.each(DIALECTS)('heartbeat monitors on %s (docs/alerts-routing.md)', (dialect) => {
  it('raises one incident when an integration is silent past interval plus grace, and resolves it when deliveries resume', async () => {
    const f = await alertFixture(dialect, cleanups);
    await writeAlertSettings(f.store.db, { defaultClientId: f.clientId, noteLanguage: 'en' });
    await addHeartbeatMonitor(f.store.db, { integrationId: 'kuma', everyMs: 5 * MIN, graceMs: 2 * MIN }, f.clock.at);
    await recordHeartbeat(f.ctx, 'kuma', f.clock.at);

    f.clock.at += 7 * MIN; // exactly interval + grace: not yet
    expect(await checkHeartbeats(f.ctx)).toBe(0);
    await recordHeartbeat(f.ctx, 'other-integration', f.clock.at); // another integration's delivery stamps nothing here
    f.clock.at += 1 * MIN;
    expect(await checkHeartbeats(f.ctx)).toBe(1);
    f.clock.at += 1 * MIN;
    expect(await checkHeartbeats(f.ctx)).toBe(0); // still silent: no second incident
    const [incident, ...more] = await f.incidents();
    expect(more).toEqual([]);
    expect(incident).toMatchObject({
      status: 'new',
      priority: 'P1',
      created_by: 'system',
      title: 'No heartbeat from kuma',
      category: 'monitoring',
    });
    expect((await listHeartbeatMonitors(f.store.db))[0]).toMatchObject({ silent: true });

    f.clock.at += 1 * MIN;
    await recordHeartbeat(f.ctx, 'kuma', f.clock.at);
    expect((await f.incidents())[0]).toMatchObject({ id: incident!.id, status: 'resolved' });
    expect((await listHeartbeatMonitors(f.store.db))[0]).toMatchObject({ silent: false, lastSeenAt: f.clock.at });
    const audit = await f.store.db.selectFrom('audit').select(['actor_id', 'client_id']).where('entity_id', '=', incident!.id).execute();
    expect(new Set(audit.map((a) => `${a.actor_id} ${a.client_id}`))).toEqual(new Set(['system server-alerts']));
  });
});
